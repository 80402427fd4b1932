package io.cloudist.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.Objects;

/**
 * The outcome of one executed node (a test, or a container whose own execution failed or was skipped).
 *
 * @param node the node this outcome belongs to (may be a dynamic test discovered only at run time)
 * @param status the outcome
 * @param startMillis epoch millis when it started (0 if it never started)
 * @param seconds elapsed seconds
 * @param failure why it did not pass; null when passed
 * @param stdout captured standard output, never null
 * @param stderr captured standard error, never null
 * @param cpuSeconds the CPU time its JVM used while it ran (every thread), null when unknown
 */
public record TestResult(
        TestNode node,
        Status status,
        long startMillis,
        double seconds,
        @JsonInclude(Include.NON_NULL) Failure failure,
        @JsonInclude(Include.NON_EMPTY) String stdout,
        @JsonInclude(Include.NON_EMPTY) String stderr,
        @JsonInclude(Include.NON_NULL) Double cpuSeconds) {
    /** An outcome whose CPU time is unknown. */
    public TestResult(
            TestNode node,
            Status status,
            long startMillis,
            double seconds,
            Failure failure,
            String stdout,
            String stderr) {
        this(node, status, startMillis, seconds, failure, stdout, stderr, null);
    }

    public TestResult {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(status, "status");
        stdout = Objects.requireNonNullElse(stdout, "");
        stderr = Objects.requireNonNullElse(stderr, "");
        if (status != Status.PASSED && failure == null) {
            failure = new Failure("", "", "");
        }
    }

    public String uniqueId() {
        return node.uniqueId();
    }
}
