package io.cloudist.its.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The rerun elements of {@code TEST-*.xml} reports, read as plain XML: Surefire's report parser keeps flaky runs but
 * drops {@code <rerunFailure>} and {@code <rerunError>}, the reruns of a test that failed for good.
 */
public final class RerunElements {
    private static final Set<String> NAMES = Set.of("flakyFailure", "flakyError", "rerunFailure", "rerunError");

    private RerunElements() {}

    /** {@code class#name element: message} for every rerun element, sorted. */
    public static List<String> read(Path directory) {
        List<String> elements = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return elements;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(RerunElements::isXmlReport).sorted().toList()) {
                NodeList testCases = DocumentBuilderFactory.newInstance()
                        .newDocumentBuilder()
                        .parse(file.toFile())
                        .getElementsByTagName("testcase");
                for (int i = 0; i < testCases.getLength(); i++) {
                    addRerunElements((Element) testCases.item(i), elements);
                }
            }
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new AssertionError("Cannot read the reports in " + directory + ": " + e.getMessage(), e);
        }
        return elements.stream().sorted().toList();
    }

    private static void addRerunElements(Element testCase, List<String> into) {
        String id = testCase.getAttribute("classname") + "#" + testCase.getAttribute("name");
        for (Node child = testCase.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && NAMES.contains(element.getTagName())) {
                into.add(id + " " + element.getTagName() + ": " + element.getAttribute("message"));
            }
        }
    }

    private static boolean isXmlReport(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("TEST-") && name.endsWith(".xml");
    }
}
