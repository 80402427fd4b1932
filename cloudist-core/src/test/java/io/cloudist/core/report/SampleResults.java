package io.cloudist.core.report;

import io.cloudist.core.model.Failure;
import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestResult;

/** Hand-made test results with realistic stack traces. */
final class SampleResults {
    static final long T0 = 1_700_000_000_000L;

    private SampleResults() {}

    static TestResult passed(TestNode node, long millis) {
        return new TestResult(node, Status.PASSED, T0, millis / 1000.0, null, "", "");
    }

    static TestResult passed(TestNode node, long millis, String stdout, String stderr) {
        return new TestResult(node, Status.PASSED, T0, millis / 1000.0, null, stdout, stderr);
    }

    /** An assertion failure thrown at {@code line} of the node's own method. */
    static TestResult failed(TestNode node, long millis, String message, int line) {
        return failed(node, millis, "org.opentest4j.AssertionFailedError", message, line);
    }

    static TestResult failed(TestNode node, long millis, String type, String message, int line) {
        return new TestResult(node, Status.FAILED, T0, millis / 1000.0, failure(node, type, message, line), "", "");
    }

    static TestResult error(TestNode node, long millis, String type, String message, int line) {
        return new TestResult(node, Status.ERROR, T0, millis / 1000.0, failure(node, type, message, line), "", "");
    }

    static TestResult disabled(TestNode node, String reason) {
        return new TestResult(node, Status.SKIPPED, 0, 0, new Failure("", reason, ""), "", "");
    }

    static TestResult aborted(TestNode node, String message) {
        String type = "org.opentest4j.TestAbortedException";
        return new TestResult(node, Status.SKIPPED, T0, 0.001, failure(node, type, message, 10), "", "");
    }

    static TestResult withOutput(TestResult result, String stdout, String stderr) {
        return new TestResult(
                result.node(),
                result.status(),
                result.startMillis(),
                result.seconds(),
                result.failure(),
                stdout,
                stderr);
    }

    static Failure failure(TestNode node, String type, String message, int line) {
        String method = node.methodName().isEmpty() ? "setup" : node.methodName();
        String simple = node.className().substring(node.className().lastIndexOf('.') + 1);
        String file = simple.contains("$") ? simple.substring(0, simple.indexOf('$')) : simple;
        String header = message.isEmpty() ? type : type + ": " + message;
        String trace = header + "\n"
                + "\tat " + node.className() + "." + method + "(" + file + ".java:" + line + ")\n"
                + "\tat java.base/java.lang.reflect.Method.invoke(Method.java:569)\n"
                + "\tat java.base/java.util.ArrayList.forEach(ArrayList.java:1511)\n";
        return new Failure(type, message, trace);
    }
}
