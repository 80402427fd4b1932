package io.cloudist.core.protocol;

import java.util.Objects;

/**
 * {@code runs/<runId>/w/<workerId>/beat}: a worker's sign of life, rewritten every few seconds.
 *
 * @param schema document schema version
 * @param workerId the worker
 * @param timeMillis when it was written (worker clock, epoch millis)
 * @param seq the assignment in progress, or -1 when idle
 * @param currentTest display name of the test in progress, "" when none
 * @param testsDone tests finished in the assignment in progress
 * @param evicting true when the worker is going away (e.g. a spot interruption) and takes no more work
 * @param evictionReason why it is going away, "" when it is not
 * @param boot how the worker's instance booted, as its boot script timed it; {@link BootSteps#NONE} for a local worker
 *     and from a cloudist that did not time it
 */
public record Heartbeat(
        int schema,
        String workerId,
        long timeMillis,
        int seq,
        String currentTest,
        int testsDone,
        boolean evicting,
        String evictionReason,
        BootSteps boot)
        implements Documents.Versioned {
    public Heartbeat {
        Objects.requireNonNull(workerId, "workerId");
        currentTest = Objects.requireNonNullElse(currentTest, "");
        evictionReason = Objects.requireNonNullElse(evictionReason, "");
        boot = boot == null ? BootSteps.NONE : boot;
    }

    /** A heartbeat without boot steps. */
    public Heartbeat(
            int schema,
            String workerId,
            long timeMillis,
            int seq,
            String currentTest,
            int testsDone,
            boolean evicting,
            String evictionReason) {
        this(schema, workerId, timeMillis, seq, currentTest, testsDone, evicting, evictionReason, BootSteps.NONE);
    }
}
