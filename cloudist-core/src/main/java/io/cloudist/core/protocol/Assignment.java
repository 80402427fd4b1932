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
 */
public record Assignment(
        int schema, int seq, String taskId, int attempt, List<String> uniqueIds, boolean stop, boolean moved)
        implements Documents.Versioned {
    public Assignment {
        taskId = Objects.requireNonNullElse(taskId, "");
        uniqueIds = List.copyOf(uniqueIds);
    }

    public static Assignment task(int seq, String taskId, int attempt, List<String> uniqueIds) {
        return new Assignment(Documents.SCHEMA, seq, taskId, attempt, uniqueIds, false, false);
    }

    public static Assignment stop(int seq) {
        return new Assignment(Documents.SCHEMA, seq, "", 0, List.of(), true, false);
    }

    /** Replaces a queued assignment whose task another worker took: the worker skips this number. */
    public static Assignment moved(int seq, String taskId) {
        return new Assignment(Documents.SCHEMA, seq, taskId, 0, List.of(), false, true);
    }
}
