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
 */
public record Assignment(int schema, int seq, String taskId, int attempt, List<String> uniqueIds, boolean stop)
        implements Documents.Versioned {
    public Assignment {
        taskId = Objects.requireNonNullElse(taskId, "");
        uniqueIds = List.copyOf(uniqueIds);
    }

    public static Assignment task(int seq, String taskId, int attempt, List<String> uniqueIds) {
        return new Assignment(Documents.SCHEMA, seq, taskId, attempt, uniqueIds, false);
    }

    public static Assignment stop(int seq) {
        return new Assignment(Documents.SCHEMA, seq, "", 0, List.of(), true);
    }
}
