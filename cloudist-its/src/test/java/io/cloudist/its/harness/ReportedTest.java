package io.cloudist.its.harness;

import java.util.Objects;

/**
 * One {@code <testcase>} of a Surefire XML report.
 *
 * @param className its {@code classname} attribute
 * @param name its {@code name} attribute
 * @param result its outcome
 * @param message the failure, error or skip message; empty when it passed
 * @param detail the failure or error's stack trace text; empty when none
 */
public record ReportedTest(String className, String name, Result result, String message, String detail) {

    /** A test case's outcome in the XML report. */
    public enum Result {
        PASSED,
        FAILED,
        ERROR,
        SKIPPED
    }

    public ReportedTest {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(result, "result");
        message = Objects.requireNonNullElse(message, "");
        detail = Objects.requireNonNullElse(detail, "");
    }

    /** What two runs of the same tests must agree on: {@code class#name RESULT}. */
    public String key() {
        return className + "#" + name + " " + result;
    }

    /** The test without its outcome: {@code class#name}. */
    public String id() {
        return className + "#" + name;
    }
}
