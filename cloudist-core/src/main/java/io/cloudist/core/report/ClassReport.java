package io.cloudist.core.report;

import java.util.List;
import java.util.Objects;

/**
 * Everything Surefire writes for one test class: its test cases (including those of its nested classes) and totals.
 *
 * @param className the report class ({@code TEST-<className>.xml}, {@code <className>.txt})
 * @param label what the console calls it ({@code Running <label>}): the class's {@code @DisplayName}, or its name
 * @param testCases the test cases in the order they finished
 * @param elapsedMillis the class's elapsed time
 * @param summary the class's totals
 */
public record ClassReport(
        String className, String label, List<TestCase> testCases, long elapsedMillis, Summary summary) {
    public ClassReport {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(label, "label");
        testCases = List.copyOf(testCases);
        Objects.requireNonNull(summary, "summary");
        if (elapsedMillis < 0) {
            throw new IllegalArgumentException("elapsedMillis < 0: " + elapsedMillis);
        }
    }

    /** A report whose summary is counted from its test cases. */
    public static ClassReport of(String className, String label, List<TestCase> testCases, long elapsedMillis) {
        return new ClassReport(className, label, testCases, elapsedMillis, Summary.of(testCases));
    }
}
