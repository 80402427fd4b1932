package io.cloudist.core.protocol;

import io.cloudist.core.model.ConsoleEntry;
import io.cloudist.core.model.TestResult;
import java.util.List;
import java.util.Objects;

/**
 * {@code runs/<runId>/w/<workerId>/out/<seq>}: what a worker made of one assignment.
 *
 * @param schema document schema version
 * @param seq the assignment's number
 * @param taskId the task
 * @param workerId the worker that ran it
 * @param attempt the attempt of the assignment
 * @param startedMillis when the worker took the task (epoch millis)
 * @param firstTestMillis when its first test started (0 if none did)
 * @param finishedMillis when the worker finished it
 * @param jvmStarts how many test JVMs it started for this task
 * @param results an outcome for every node that started, was skipped, or was lost with its JVM, in that order
 * @param console where classes started and what tests printed, placed among the results; empty when not recorded
 * @param times what only the worker knows of where the task's time went (its agent's start, its test JVMs' starts,
 *     its runner's first and last events); {@link WorkerTimes#NONE} in a result of a cloudist that did not record them
 */
public record TaskResult(
        int schema,
        int seq,
        String taskId,
        String workerId,
        int attempt,
        long startedMillis,
        long firstTestMillis,
        long finishedMillis,
        int jvmStarts,
        List<TestResult> results,
        List<ConsoleEntry> console,
        WorkerTimes times)
        implements Documents.Versioned {
    public TaskResult {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(workerId, "workerId");
        results = List.copyOf(results);
        console = console == null ? List.of() : List.copyOf(console);
        times = times == null ? WorkerTimes.NONE : times;
    }

    /** A result without the worker's own times. */
    public TaskResult(
            int schema,
            int seq,
            String taskId,
            String workerId,
            int attempt,
            long startedMillis,
            long firstTestMillis,
            long finishedMillis,
            int jvmStarts,
            List<TestResult> results,
            List<ConsoleEntry> console) {
        this(
                schema,
                seq,
                taskId,
                workerId,
                attempt,
                startedMillis,
                firstTestMillis,
                finishedMillis,
                jvmStarts,
                results,
                console,
                WorkerTimes.NONE);
    }

    /** The same result, saying when the worker's agent joined the run and how its instance booted. */
    public TaskResult withAgent(long agentMillis, BootSteps boot) {
        return new TaskResult(
                schema,
                seq,
                taskId,
                workerId,
                attempt,
                startedMillis,
                firstTestMillis,
                finishedMillis,
                jvmStarts,
                results,
                console,
                times.withAgent(agentMillis, boot));
    }

    /** A result without a console transcript. */
    public TaskResult(
            int schema,
            int seq,
            String taskId,
            String workerId,
            int attempt,
            long startedMillis,
            long firstTestMillis,
            long finishedMillis,
            int jvmStarts,
            List<TestResult> results) {
        this(
                schema,
                seq,
                taskId,
                workerId,
                attempt,
                startedMillis,
                firstTestMillis,
                finishedMillis,
                jvmStarts,
                results,
                List.of());
    }
}
