package io.cloudist.its.harness;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.xml.sax.SAXException;

/** Reads {@code TEST-*.xml} files with Surefire's own report parser, as CI test reporters do. */
public final class SurefireReports {
    private SurefireReports() {}

    /** Every test case of every {@code TEST-*.xml} in {@code directory}; empty when the directory does not exist. */
    public static List<ReportedTest> read(Path directory) {
        List<ReportedTest> tests = new ArrayList<>();
        for (Path file : xmlReports(directory)) {
            for (ReportTestSuite suite : parse(file)) {
                suite.getTestCases().forEach(testCase -> tests.add(toReportedTest(testCase)));
            }
        }
        return List.copyOf(tests);
    }

    /**
     * The flaky runs Surefire's parser finds ({@code <flakyFailure>} and {@code <flakyError>}), as
     * {@code class#name flakyFailure: message} in report order; a test that passed at once or failed for good has none.
     */
    public static List<String> flakyRuns(Path directory) {
        List<String> runs = new ArrayList<>();
        for (Path file : xmlReports(directory)) {
            for (ReportTestSuite suite : parse(file)) {
                for (ReportTestCase testCase : suite.getTestCases()) {
                    String id = testCase.getFullClassName() + "#" + testCase.getName();
                    testCase.getFlakyFailures().forEach(f -> runs.add(id + " flakyFailure: " + f.getMessage()));
                    testCase.getFlakyErrors().forEach(e -> runs.add(id + " flakyError: " + e.getMessage()));
                }
            }
        }
        return List.copyOf(runs);
    }

    /**
     * Every {@code <skipped>} element of every report as written (attributes and the first line of its text), by
     * report file name, sorted: how a skip is written differs between Surefire's providers.
     */
    public static List<String> skippedElements(Path directory) {
        List<String> elements = new ArrayList<>();
        Pattern skipped = Pattern.compile("<skipped[^>]*?/?>(?:<!\\[CDATA\\[)?[^\\n]*");
        for (Path file : xmlReports(directory)) {
            try {
                Matcher matcher = skipped.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    elements.add(file.getFileName() + " " + matcher.group());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        elements.sort(null);
        return List.copyOf(elements);
    }

    private static List<Path> xmlReports(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(SurefireReports::isXmlReport).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }

    private static boolean isXmlReport(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("TEST-") && name.endsWith(".xml");
    }

    private static List<ReportTestSuite> parse(Path file) {
        TestSuiteXmlParser parser = new TestSuiteXmlParser(new NullConsoleLogger());
        try (InputStreamReader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            List<ReportTestSuite> suites = parser.parse(reader);
            if (!parser.isValid()) {
                throw new AssertionError("Surefire's parser found " + file + " invalid");
            }
            return suites;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new AssertionError("Surefire's parser cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static ReportedTest toReportedTest(ReportTestCase testCase) {
        ReportedTest.Result result;
        if (testCase.hasError()) {
            result = ReportedTest.Result.ERROR;
        } else if (testCase.hasFailure()) {
            result = ReportedTest.Result.FAILED;
        } else if (testCase.hasSkipped()) {
            result = ReportedTest.Result.SKIPPED;
        } else {
            result = ReportedTest.Result.PASSED;
        }
        return new ReportedTest(
                testCase.getFullClassName(),
                testCase.getName(),
                result,
                testCase.getFailureMessage(),
                testCase.getFailureDetail());
    }
}
