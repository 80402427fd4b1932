package io.cloudist.core.protocol;

import java.util.List;
import java.util.Objects;

/**
 * {@code runs/<runId>/w/<workerId>/in/<seq>}: one task for one worker, or the order to stop.
 *
 * @param schema document schema version
 * @param seq the assignment's number for this worker, from 0
 * @param taskId the task (stable across re-queues)
 * @param attempt 1 for the first try of the task, more when it is re-queued
 * @param uniqueIds the JUnit Platform unique ids to run, one per discovered method-level node, grouped by class
 * @param stop true for the last assignment: no task, the worker stops
 * @param moved true when the task written here before went to another worker that was idle: skip this number
 * @param expectedSeconds how long the plan expects the task to take (from the timing history), which bounds how long
 *     an instance's worker may go without progress; 0 when unknown (also for an assignment without the field, and
 *     for a value that is not a positive number)
 * @param module the module whose tests these are, as the manifest names it; "" in a run of one module
 */
public record Assignment(
        int schema,
        int seq,
        String taskId,
        int attempt,
        List<String> uniqueIds,
        boolean stop,
        boolean moved,
        double expectedSeconds,
        String module)
        implements Documents.Versioned {
    public Assignment {
        taskId = Objects.requireNonNullElse(taskId, "");
        module = Objects.requireNonNullElse(module, "");
        uniqueIds = List.copyOf(uniqueIds);
        expectedSeconds = Double.isFinite(expectedSeconds) && expectedSeconds > 0 ? expectedSeconds : 0;
    }

    /** A task whose expected time is unknown. */
    public static Assignment task(int seq, String taskId, int attempt, List<String> uniqueIds) {
        return task(seq, taskId, attempt, uniqueIds, 0);
    }

    public static Assignment task(int seq, String taskId, int attempt, List<String> uniqueIds, double expectedSeconds) {
        return task(seq, taskId, attempt, uniqueIds, expectedSeconds, "");
    }

    /** A task of {@code module}'s tests. */
    public static Assignment task(
            int seq, String taskId, int attempt, List<String> uniqueIds, double expectedSeconds, String module) {
        return new Assignment(Documents.SCHEMA, seq, taskId, attempt, uniqueIds, false, false, expectedSeconds, module);
    }

    public static Assignment stop(int seq) {
        return new Assignment(Documents.SCHEMA, seq, "", 0, List.of(), true, false, 0, "");
    }

    /** Replaces a queued assignment whose task another worker took: the worker skips this number. */
    public static Assignment moved(int seq, String taskId) {
        return new Assignment(Documents.SCHEMA, seq, taskId, 0, List.of(), false, true, 0, "");
    }
}
