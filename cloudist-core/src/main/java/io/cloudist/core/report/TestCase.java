package io.cloudist.core.report;

import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestResult;
import java.util.List;
import java.util.Objects;

/**
 * One {@code testcase} of a report: a named node and its runs (more than one when a failing test was run again).
 *
 * @param name where Surefire reports it
 * @param runs its outcomes in the order they ran; never empty
 */
public record TestCase(ReportName name, List<TestResult> runs) {
    /** The outcome of a test case over all its runs, as Surefire judges reruns. */
    public enum Outcome {
        PASSED,
        FAILED,
        ERROR,
        SKIPPED,
        /** Failed at first, passed on a rerun. */
        FLAKY
    }

    public TestCase {
        Objects.requireNonNull(name, "name");
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a test case needs at least one run: " + name.fullName());
        }
    }

    public static TestCase of(ReportName name, TestResult result) {
        return new TestCase(name, List.of(result));
    }

    public TestResult firstRun() {
        return runs.get(0);
    }

    public boolean isRerun() {
        return runs.size() > 1;
    }

    /** Any failure or error makes the case red unless a run passed (then it is flaky); an error beats a failure. */
    public Outcome outcome() {
        boolean passed = has(Status.PASSED);
        boolean error = has(Status.ERROR);
        if (error || has(Status.FAILED)) {
            return passed ? Outcome.FLAKY : error ? Outcome.ERROR : Outcome.FAILED;
        }
        return passed ? Outcome.PASSED : Outcome.SKIPPED;
    }

    /** The run whose time Surefire reports: the first passing run of a flaky case, otherwise the first run. */
    public TestResult reportedRun() {
        if (outcome() == Outcome.FLAKY) {
            return runs.stream()
                    .filter(r -> r.status() == Status.PASSED)
                    .findFirst()
                    .orElseThrow();
        }
        return firstRun();
    }

    /** Elapsed milliseconds as Surefire reports them (skipped tests count as 0). */
    public long millis() {
        return millis(reportedRun());
    }

    static long millis(TestResult run) {
        return run.status() == Status.SKIPPED ? 0 : Math.round(run.seconds() * 1000);
    }

    private boolean has(Status status) {
        return runs.stream().anyMatch(r -> r.status() == status);
    }
}
