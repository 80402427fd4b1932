package io.cloudist.core.report;

import io.cloudist.core.model.ConsoleEntry;
import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Surefire's console output as lines with their log levels. A line may span several physical lines (a failure and
 * its stack trace are one log call in Surefire too).
 */
public final class ConsoleReport {
    private static final String RULE = "-".repeat(55);

    private ConsoleReport() {}

    /** The banner before the first class: blank, rule, {@code  T E S T S}, rule. */
    public static List<ConsoleLine> header() {
        return List.of(
                ConsoleLine.info(""), ConsoleLine.info(RULE), ConsoleLine.info(" T E S T S"), ConsoleLine.info(RULE));
    }

    /** {@code Running X}, the class's {@code Tests run:} line and its failing tests, at Surefire's levels. */
    public static List<ConsoleLine> forClass(ClassReport report) {
        List<ConsoleLine> lines = new ArrayList<>();
        lines.add(ConsoleLine.info("Running " + report.label()));
        lines.addAll(completed(report));
        return lines;
    }

    /**
     * Surefire's lines for a class as they came, replayed from one task's results and console transcript: a
     * {@code Running} line for each class that starts ({@code @Nested} ones too, with the JUnit Platform provider),
     * what the tests printed where they printed it, and a {@code Tests run:} line as each class completes, counting
     * the tests finished since the previous one, as Surefire counts them. Empty when the transcript shows no class
     * starting (an older worker, or a class skipped as a whole): then {@link #forClass(ClassReport)} applies.
     *
     * @param report the class's report, whose test cases carry the names and outcomes
     * @param results the task's results in the order they came
     * @param console the task's transcript, placed among {@code results}
     * @param ofClass whether a unique id belongs to this class (a task may run several)
     */
    public static List<ConsoleLine> replay(
            ClassReport report,
            List<TestResult> results,
            List<ConsoleEntry> console,
            Predicate<String> ofClass,
            ReportStyle style) {
        return ConsoleReplay.lines(report, results, console, ofClass, style);
    }

    /** A completed test set: its {@code Tests run:} line and failing tests, at Surefire's levels. */
    static List<ConsoleLine> completed(ClassReport report) {
        Summary s = report.summary();
        Function<String, ConsoleLine> atLevel =
                s.hasFailures() ? ConsoleLine::error : s.skipped() > 0 ? ConsoleLine::warn : ConsoleLine::info;
        List<ConsoleLine> lines = new ArrayList<>();
        lines.add(atLevel.apply(ClassSummaryText.summaryLine(report, report.label())));
        ClassSummaryText.failures(report).forEach(f -> lines.add(atLevel.apply(f)));
        return lines;
    }

    /**
     * The closing block: {@code Results:}, the failures, errors and flakes, and the overall totals. As in Surefire, the
     * runs of one test are merged across reports (a test two suites ran is listed once, with each run).
     *
     * @param rerunFailingTestsCount Surefire's setting: with 0, a test that passed once and failed once is a failure
     */
    public static List<ConsoleLine> results(List<ClassReport> reports, int rerunFailingTestsCount) {
        List<MergedResults.Entry> entries = MergedResults.of(reports, rerunFailingTestsCount);
        List<ConsoleLine> lines = new ArrayList<>();
        lines.add(ConsoleLine.info(""));
        lines.add(ConsoleLine.info("Results:"));
        lines.add(ConsoleLine.info(""));
        boolean failures = section(lines, entries, TestCase.Outcome.FAILED, "Failures: ", ConsoleLine::error);
        boolean errors = section(lines, entries, TestCase.Outcome.ERROR, "Errors: ", ConsoleLine::error);
        boolean flakes = section(lines, entries, TestCase.Outcome.FLAKY, "Flakes: ", ConsoleLine::warn);
        if (failures || errors || flakes) {
            lines.add(ConsoleLine.info(""));
        }
        Summary total = MergedResults.totals(entries);
        String totals = "Tests run: " + total.tests() + ", Failures: " + total.failures() + ", Errors: "
                + total.errors() + ", Skipped: " + total.skipped()
                + (total.flakes() > 0 ? ", Flakes: " + total.flakes() : "");
        if (failures || errors) {
            lines.add(ConsoleLine.error(totals));
        } else if (flakes || total.skipped() > 0) {
            lines.add(ConsoleLine.warn(totals));
        } else {
            lines.add(ConsoleLine.info(totals));
        }
        lines.add(ConsoleLine.info(""));
        return lines;
    }

    private static boolean section(
            List<ConsoleLine> lines,
            List<MergedResults.Entry> entries,
            TestCase.Outcome outcome,
            String title,
            Function<String, ConsoleLine> atLevel) {
        List<TestCase> matching = entries.stream()
                .filter(e -> e.outcome() == outcome)
                .map(MergedResults.Entry::testCase)
                .toList();
        if (matching.isEmpty()) {
            return false;
        }
        lines.add(atLevel.apply(title));
        for (TestCase testCase : matching) {
            if (!testCase.isRerun()) {
                lines.add(ConsoleLine.error("  " + smart(testCase, testCase.firstRun())));
                continue;
            }
            lines.add(atLevel.apply(testCase.name().resultsKey()));
            for (int i = 0; i < testCase.runs().size(); i++) {
                TestResult run = testCase.runs().get(i);
                boolean failed = run.status() == Status.FAILED || run.status() == Status.ERROR;
                lines.add(
                        failed
                                ? ConsoleLine.error("  Run " + (i + 1) + ": " + smart(testCase, run))
                                : ConsoleLine.info("  Run " + (i + 1) + ": PASS"));
            }
            lines.add(ConsoleLine.info(""));
        }
        return true;
    }

    private static String smart(TestCase testCase, TestResult run) {
        return SmartTrace.of(testCase.name(), run.status(), run.failure());
    }
}
