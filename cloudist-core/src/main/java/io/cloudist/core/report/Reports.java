package io.cloudist.core.report;

import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Entry points: group node outcomes into Surefire's per-class reports, and write their files. */
public final class Reports {
    private static final String ILLEGAL_FILE_CHARS = isWindows() ? "[],\\/:*?\"<>|\0" : "()&\\/:*?\"<>|\0";

    private Reports() {}

    /**
     * Groups outcomes into the classes Surefire would report, sorted by class name.
     *
     * @param results the outcomes of executed tests and of containers that failed or were skipped; several outcomes
     *     of one node are its reruns, in order
     * @param nodesById every known node (discovered and dynamic) by unique id
     */
    public static List<ClassReport> group(Collection<TestResult> results, Map<String, TestNode> nodesById) {
        return group(results, nodesById, ReportStyle.DEFAULT);
    }

    /**
     * Groups outcomes as {@link #group(Collection, Map)} does, naming tests as the style's provider names them and
     * trimming stack traces when the style asks.
     */
    public static List<ClassReport> group(
            Collection<TestResult> results, Map<String, TestNode> nodesById, ReportStyle style) {
        return Grouping.group(results, nodesById, style);
    }

    /**
     * Writes {@code TEST-<class>.xml} and {@code <class>.txt} for every report, creating the directory.
     *
     * @param properties the {@code <properties>} of every XML report: an explicit allow-list, never the environment
     */
    public static void write(
            Path reportsDirectory, List<ClassReport> reports, Map<String, String> properties, ReportStyle style)
            throws IOException {
        Files.createDirectories(reportsDirectory);
        for (ClassReport report : reports) {
            try (OutputStream out = Files.newOutputStream(xmlFile(reportsDirectory, report))) {
                SurefireXmlWriter.write(
                        style.outErrElements() ? report : withoutOutput(report),
                        style.propertiesElement() ? properties : null,
                        style.provider(),
                        out);
            }
            if (style.textReports()) {
                String text = TextReportWriter.toText(report);
                Files.writeString(textFile(reportsDirectory, report), text, StandardCharsets.UTF_8);
            }
        }
    }

    /**
     * Writes {@code <class>-output.txt} with what the tests of each class printed, as Surefire's
     * {@code redirectTestOutputToFile} does (a class that printed nothing gets no file).
     *
     * @param printed what each report class's tests printed, in order
     */
    public static void writeOutput(Path reportsDirectory, Map<String, String> printed) throws IOException {
        Files.createDirectories(reportsDirectory);
        for (Map.Entry<String, String> entry : printed.entrySet()) {
            if (!entry.getValue().isEmpty()) {
                Files.writeString(
                        reportsDirectory.resolve(fileName(entry.getKey() + "-output.txt")),
                        entry.getValue(),
                        StandardCharsets.UTF_8);
            }
        }
    }

    /** The report without what its tests printed ({@code enableOutErrElements=false}). */
    private static ClassReport withoutOutput(ClassReport report) {
        List<TestCase> cases = report.testCases().stream()
                .map(c -> new TestCase(
                        c.name(),
                        c.runs().stream()
                                .map(r -> new TestResult(
                                        r.node(), r.status(), r.startMillis(), r.seconds(), r.failure(), "", ""))
                                .toList()))
                .toList();
        return new ClassReport(report.className(), report.label(), cases, report.elapsedMillis(), report.summary());
    }

    public static Path xmlFile(Path reportsDirectory, ClassReport report) {
        return reportsDirectory.resolve(fileName("TEST-" + report.className() + ".xml"));
    }

    public static Path textFile(Path reportsDirectory, ClassReport report) {
        return reportsDirectory.resolve(fileName(report.className() + ".txt"));
    }

    /** Surefire replaces characters the file system may reject with {@code _}. */
    static String fileName(String name) {
        StringBuilder safe = new StringBuilder(name);
        for (int i = 0; i < safe.length(); i++) {
            if (ILLEGAL_FILE_CHARS.indexOf(safe.charAt(i)) >= 0) {
                safe.setCharAt(i, '_');
            }
        }
        return safe.toString();
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
