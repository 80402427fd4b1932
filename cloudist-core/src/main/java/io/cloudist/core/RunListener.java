package io.cloudist.core;

import io.cloudist.core.report.ConsoleLine;

/**
 * Events for users. Every method has a no-op default; the Maven plugin adapts them to its log and console.
 * Called from the coordinator's thread only.
 */
public interface RunListener {
    /** A line of Surefire-style output (per-class results, the Results block) or a cloudist phase message. */
    default void line(ConsoleLine line) {}

    /** The run's progress changed. */
    default void progress(Progress progress) {}

    /**
     * A snapshot of progress.
     *
     * @param testsDone tests with an outcome
     * @param testsTotal tests discovered, with those of finished tasks as they reported them (dynamic tests add)
     * @param failures failures and errors so far
     * @param workersBusy workers running a task
     * @param workers workers started
     * @param etaSeconds estimated seconds left, or -1 when unknown
     */
    record Progress(int testsDone, int testsTotal, int failures, int workersBusy, int workers, long etaSeconds) {}
}
