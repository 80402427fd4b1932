package io.cloudist.core.report;

import java.util.Collection;
import java.util.List;

/** Surefire's counts: "Tests run: X, Failures: Y, Errors: Z, Skipped: W, Flakes: F". */
public record Summary(int tests, int failures, int errors, int skipped, int flakes) {
    public static final Summary EMPTY = new Summary(0, 0, 0, 0, 0);

    /** Counts test cases once each by their outcome; a flaky case counts as a test and a flake, not a failure. */
    public static Summary of(Collection<TestCase> testCases) {
        Summary sum = EMPTY;
        for (TestCase testCase : testCases) {
            sum = sum.plus(of(testCase.outcome()));
        }
        return sum;
    }

    /**
     * The overall totals of a run, as Surefire's Results block counts them: each test once, however many reports have
     * it, except that every passing run of a passing test counts.
     *
     * @param rerunFailingTestsCount Surefire's setting: with 0, a test that passed once and failed once is a failure
     */
    public static Summary total(List<ClassReport> reports, int rerunFailingTestsCount) {
        return MergedResults.totals(MergedResults.of(reports, rerunFailingTestsCount));
    }

    private static Summary of(TestCase.Outcome outcome) {
        return switch (outcome) {
            case PASSED -> new Summary(1, 0, 0, 0, 0);
            case FAILED -> new Summary(1, 1, 0, 0, 0);
            case ERROR -> new Summary(1, 0, 1, 0, 0);
            case SKIPPED -> new Summary(1, 0, 0, 1, 0);
            case FLAKY -> new Summary(1, 0, 0, 0, 1);
        };
    }

    public Summary plus(Summary other) {
        return new Summary(
                tests + other.tests,
                failures + other.failures,
                errors + other.errors,
                skipped + other.skipped,
                flakes + other.flakes);
    }

    public boolean hasFailures() {
        return failures > 0 || errors > 0;
    }
}
