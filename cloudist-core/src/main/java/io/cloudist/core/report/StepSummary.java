package io.cloudist.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A short Markdown summary of a run for the job page of a CI system that shows one: GitHub Actions appends what a
 * step writes to the file {@code GITHUB_STEP_SUMMARY} names. It holds the totals, the failed tests with the first
 * line of their message, the slowest classes and where the run's timeline is.
 */
public final class StepSummary {
    /** The environment variable GitHub Actions sets to the file a step appends its summary to. */
    public static final String GITHUB_STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

    static final int MAX_FAILURES = 20;
    static final int SLOWEST = 5;
    private static final int MAX_MESSAGE = 200;

    private StepSummary() {}

    /**
     * @param title what ran, e.g. the module's name
     * @param timeline the run's timeline ({@code report.html}), or null when none was written
     */
    public static String markdown(String title, List<ClassReport> reports, Summary totals, Path timeline) {
        List<String> lines = new ArrayList<>();
        String verdict = totals.hasFailures() ? "failed" : "passed";
        lines.add("### cloudist: " + cell(title) + " " + verdict);
        lines.add("");
        lines.add("| Tests | Failures | Errors | Skipped | Flakes | Time |");
        lines.add("|---:|---:|---:|---:|---:|---:|");
        long millis = reports.stream().mapToLong(ClassReport::elapsedMillis).sum();
        lines.add(String.format(
                Locale.ROOT,
                "| %d | %d | %d | %d | %d | %s |",
                totals.tests(),
                totals.failures(),
                totals.errors(),
                totals.skipped(),
                totals.flakes(),
                Elapsed.console(millis)));
        List<String> failures = failures(reports);
        if (!failures.isEmpty()) {
            lines.add("");
            lines.add("**Failed tests**"
                    + (failures.size() > MAX_FAILURES
                            ? " (the first " + MAX_FAILURES + " of " + failures.size() + ")"
                            : ""));
            lines.add("");
            failures.stream().limit(MAX_FAILURES).forEach(lines::add);
        }
        Map<String, Long> perClass = new TreeMap<>();
        reports.forEach(r -> perClass.merge(r.className(), r.elapsedMillis(), Long::sum));
        if (!perClass.isEmpty()) {
            lines.add("");
            lines.add("**Slowest classes**");
            lines.add("");
            lines.add("| Class | Time |");
            lines.add("|---|---:|");
            perClass.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(SLOWEST)
                    .forEach(e -> lines.add("| `" + cell(e.getKey()) + "` | " + Elapsed.console(e.getValue()) + " |"));
        }
        if (timeline != null) {
            lines.add("");
            lines.add(
                    "Run timeline: `" + cell(timeline.toString()) + "` (keep it as a build artifact to open it here).");
        }
        lines.add("");
        return String.join("\n", lines) + "\n";
    }

    /** Appends the summary to {@code file}, as every step of a job appends its own. */
    public static void append(Path file, String markdown) throws IOException {
        Files.writeString(file, markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static List<String> failures(List<ClassReport> reports) {
        List<String> failures = new ArrayList<>();
        for (ClassReport report : reports) {
            for (TestCase testCase : report.testCases()) {
                TestCase.Outcome outcome = testCase.outcome();
                if (outcome == TestCase.Outcome.FAILED || outcome == TestCase.Outcome.ERROR) {
                    String message = testCase.reportedRun().failure() == null
                            ? ""
                            : testCase.reportedRun()
                                    .failure()
                                    .message()
                                    .lines()
                                    .findFirst()
                                    .orElse("");
                    if (message.length() > MAX_MESSAGE) {
                        message = message.substring(0, MAX_MESSAGE) + "…";
                    }
                    failures.add("- `"
                            + cell(testCase.name().className() + "#"
                                    + testCase.name().name()) + "`"
                            + (outcome == TestCase.Outcome.ERROR ? " (error)" : "")
                            + (message.isBlank() ? "" : ": `" + cell(message) + "`"));
                }
            }
        }
        return failures;
    }

    /**
     * Text that cannot break the Markdown around it: no line breaks, pipes or backticks. Names and messages go in code
     * spans, so that {@code expected: <1>} is not read as HTML.
     */
    private static String cell(String text) {
        return text.replace('\n', ' ').replace('\r', ' ').replace("|", "\\|").replace('`', '\'');
    }
}
