package io.cloudist.core.protocol;

import java.util.List;

/**
 * What only the worker knows of where a task's time went, on the worker's clock (epoch millis), so that the run's
 * timeline can tell starting up from running tests. Written with each {@link TaskResult}; a result from a cloudist that
 * did not record them has {@link #NONE}.
 *
 * @param agentMillis when the worker's agent joined the run: its process or instance up, the run's manifest read; 0
 *     when not recorded
 * @param files the fetching of the module's files that this task was the first to use (a worker elsewhere rebuilds
 *     a module from the store; a local one only reads where its files are)
 * @param jvms the test JVMs this task was the first to use, from spawn to ready: the one started ahead of it, and each
 *     started while it ran (after a crash, or per class with {@code reuseForks=false}); a JVM that died before it was
 *     ready has a {@code toMillis} of 0
 * @param firstEventMillis when the runner reported the task's first event: its test JVM ready and its discovery of the
 *     task's tests done; 0 when no event came
 * @param lastEventMillis when the runner's last request of the task ended: its tests done, the result still to write;
 *     0 when no event came
 * @param boot how the worker's instance booted, as its boot script timed it; {@link BootSteps#NONE} for a local
 *     worker, and in a result of a cloudist that did not time it
 */
public record WorkerTimes(
        long agentMillis,
        List<Interval> files,
        List<Interval> jvms,
        long firstEventMillis,
        long lastEventMillis,
        BootSteps boot) {
    /** Nothing recorded. */
    public static final WorkerTimes NONE = new WorkerTimes(0, List.of(), List.of(), 0, 0);

    public WorkerTimes {
        files = files == null ? List.of() : List.copyOf(files);
        jvms = jvms == null ? List.of() : List.copyOf(jvms);
        boot = boot == null ? BootSteps.NONE : boot;
    }

    /** A task's times, before the agent adds its own ({@link #withAgent}). */
    public WorkerTimes(
            long agentMillis, List<Interval> files, List<Interval> jvms, long firstEventMillis, long lastEventMillis) {
        this(agentMillis, files, jvms, firstEventMillis, lastEventMillis, BootSteps.NONE);
    }

    /** The same, with the moment the worker's agent joined the run and how its instance booted. */
    public WorkerTimes withAgent(long millis, BootSteps boot) {
        return new WorkerTimes(millis, files, jvms, firstEventMillis, lastEventMillis, boot);
    }

    /** Whether the worker recorded anything: false for a result of a cloudist that did not. */
    public boolean recorded() {
        return agentMillis > 0 || firstEventMillis > 0 || !jvms.isEmpty() || !files.isEmpty();
    }

    /**
     * A stretch of a worker's time.
     *
     * @param fromMillis when it began
     * @param toMillis when it ended; 0 when it never got there
     */
    public record Interval(long fromMillis, long toMillis) {}
}
