package io.cloudist.core.report;

import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Surefire's view of a whole run for its Results block and totals: the runs of one test merged under its name
 * ({@link ReportName#resultsKey()}) across every report, so that a test that two suites ran, or that was run again,
 * is one entry. Passing runs of one test count once each; any other outcome counts once per test.
 */
final class MergedResults {
    private MergedResults() {}

    /**
     * One test of the run.
     *
     * @param testCase the test's runs, from every report that has it, in report order
     * @param outcome its outcome over all of them, as Surefire judges it
     * @param passes how many of its runs passed
     */
    record Entry(TestCase testCase, TestCase.Outcome outcome, int passes) {}

    /** Every test of the run, sorted by its Results key. */
    static List<Entry> of(List<ClassReport> reports, int rerunFailingTestsCount) {
        Map<String, List<TestResult>> runs = new LinkedHashMap<>();
        Map<String, ReportName> names = new LinkedHashMap<>();
        for (ClassReport report : reports) {
            for (TestCase testCase : report.testCases()) {
                String key = testCase.name().resultsKey();
                names.putIfAbsent(key, testCase.name());
                runs.computeIfAbsent(key, k -> new ArrayList<>()).addAll(testCase.runs());
            }
        }
        List<Entry> entries = new ArrayList<>();
        runs.forEach((key, list) -> {
            TestCase merged = new TestCase(names.get(key), list);
            int passes =
                    (int) list.stream().filter(r -> r.status() == Status.PASSED).count();
            entries.add(new Entry(merged, outcome(list, rerunFailingTestsCount), passes));
        });
        entries.sort(Comparator.comparing(e -> e.testCase().name().resultsKey()));
        return entries;
    }

    /** The totals line: every test once, plus every further passing run of a test that passed. */
    static Summary totals(List<Entry> entries) {
        Summary total = Summary.EMPTY;
        for (Entry entry : entries) {
            total = total.plus(
                    switch (entry.outcome()) {
                        case PASSED -> new Summary(entry.passes(), 0, 0, 0, 0);
                        case FAILED -> new Summary(1, 1, 0, 0, 0);
                        case ERROR -> new Summary(1, 0, 1, 0, 0);
                        case SKIPPED -> new Summary(1, 0, 0, 1, 0);
                        case FLAKY -> new Summary(1, 0, 0, 0, 1);
                    });
        }
        return total;
    }

    /** A failure or error with a pass among the runs is a flake only when reruns are on; else the error wins. */
    private static TestCase.Outcome outcome(List<TestResult> runs, int rerunFailingTestsCount) {
        boolean passed = runs.stream().anyMatch(r -> r.status() == Status.PASSED);
        boolean error = runs.stream().anyMatch(r -> r.status() == Status.ERROR);
        boolean failed = runs.stream().anyMatch(r -> r.status() == Status.FAILED);
        if (error || failed) {
            if (passed && rerunFailingTestsCount > 0) {
                return TestCase.Outcome.FLAKY;
            }
            return error ? TestCase.Outcome.ERROR : TestCase.Outcome.FAILED;
        }
        return passed ? TestCase.Outcome.PASSED : TestCase.Outcome.SKIPPED;
    }
}
