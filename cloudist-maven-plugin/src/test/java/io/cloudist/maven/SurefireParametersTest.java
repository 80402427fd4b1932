package io.cloudist.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * docs/surefire-parameters.md accounts for every parameter of Surefire's {@code test} goal, as Surefire's own plugin
 * descriptor (resolved with the build) lists them, with what {@link SurefireParameters} says cloudist does.
 */
class SurefireParametersTest {
    static final Path TABLE = Path.of(System.getProperty("basedir", ".")).resolve("../docs/surefire-parameters.md");

    @Test
    void everyEditableParameterOfSurefiresTestGoalIsAccountedFor() throws Exception {
        Map<String, String> descriptor = surefireTestGoalParameters();

        assertThat(descriptor).hasSizeGreaterThan(70);
        assertThat(SurefireParameters.ALL.stream()
                        .map(SurefireParameters.Entry::name)
                        .toList())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(descriptor.keySet());
        for (SurefireParameters.Entry entry : SurefireParameters.ALL) {
            assertThat(entry.property())
                    .as("the property of <%s>", entry.name())
                    .isEqualTo(descriptor.get(entry.name()));
        }
    }

    @Test
    void theDocumentedTableIsTheTableOfTheCode() throws IOException {
        List<String> documented = Files.readAllLines(TABLE).stream()
                .filter(l -> l.startsWith("| `<"))
                .toList();
        List<String> expected = new ArrayList<>(
                SurefireParameters.ALL.stream().map(SurefireParametersTest::row).toList());
        Collections.sort(expected);
        if (!documented.equals(expected)) {
            Files.write(
                    Path.of(System.getProperty("basedir", ".")).resolve("target/surefire-parameters-table.md"),
                    expected);
        }

        assertThat(documented).containsExactlyElementsOf(expected);
        Map<SurefireParameters.Treatment, Long> counts = SurefireParameters.ALL.stream()
                .collect(Collectors.groupingBy(SurefireParameters.Entry::treatment, Collectors.counting()));
        assertThat(Files.readString(TABLE))
                .contains(String.format(
                        "%d parameters: %d honoured, %d mapped, %d not applicable, %d warned about.",
                        SurefireParameters.ALL.size(),
                        counts.get(SurefireParameters.Treatment.HONOURED),
                        counts.get(SurefireParameters.Treatment.MAPPED),
                        counts.get(SurefireParameters.Treatment.NOT_APPLICABLE),
                        counts.get(SurefireParameters.Treatment.WARNED)));
    }

    static String row(SurefireParameters.Entry entry) {
        String treatment = switch (entry.treatment()) {
            case HONOURED -> "honoured";
            case MAPPED -> "mapped";
            case NOT_APPLICABLE -> "not applicable";
            case WARNED -> "warned about";
        };
        return "| `<" + entry.name() + ">` | " + (entry.property().isEmpty() ? "—" : "`-D" + entry.property() + "`")
                + " | " + treatment + " | " + entry.note().replace("<", "`<").replace(">", ">`") + " |";
    }

    /** The editable parameters of the test goal and their user properties ("" for none). */
    private static Map<String, String> surefireTestGoalParameters() throws Exception {
        URL descriptor =
                Collections.list(
                                SurefireParametersTest.class.getClassLoader().getResources("META-INF/maven/plugin.xml"))
                        .stream()
                        .filter(url -> url.toString().contains("maven-surefire-plugin"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("maven-surefire-plugin is not on the test classpath"));
        Document document;
        try (InputStream in = descriptor.openStream()) {
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        NodeList mojos = document.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (!text(mojo, "goal").equals("test")) {
                continue;
            }
            Element configuration =
                    (Element) mojo.getElementsByTagName("configuration").item(0);
            Map<String, String> parameters = new java.util.TreeMap<>();
            NodeList all =
                    ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
            for (int j = 0; j < all.getLength(); j++) {
                Element parameter = (Element) all.item(j);
                if (text(parameter, "editable").equals("true")) {
                    String name = text(parameter, "name");
                    NodeList configured = configuration.getElementsByTagName(name);
                    String expression = configured.getLength() == 0
                            ? ""
                            : configured.item(0).getTextContent().trim();
                    String property = expression.startsWith("${") && expression.endsWith("}")
                            ? expression.substring(2, expression.length() - 1)
                            : "";
                    // ${basedir} is the project's, not a user property.
                    parameters.put(name, property.equals("basedir") ? "" : property);
                }
            }
            return parameters;
        }
        throw new AssertionError("no test goal in " + descriptor);
    }

    private static String text(Element element, String child) {
        return element.getElementsByTagName(child).item(0).getTextContent().trim();
    }
}
