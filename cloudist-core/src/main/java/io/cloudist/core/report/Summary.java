package io.cloudist.core.report;

/** Surefire's counts: "Tests run: X, Failures: Y, Errors: Z, Skipped: W, Flakes: F". */
public record Summary(int tests, int failures, int errors, int skipped, int flakes) {
    public static final Summary EMPTY = new Summary(0, 0, 0, 0, 0);

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
