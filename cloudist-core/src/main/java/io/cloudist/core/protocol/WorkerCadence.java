package io.cloudist.core.protocol;

import java.time.Duration;

/**
 * How often a worker looks at the store and writes to it while it works for a run. It waits for a key the
 * coordinator writes (the run manifest, its next assignment) with a GET, then pauses that double up to
 * {@code longestPause} between GETs, from {@code firstPause} for the manifest and its first assignment and from
 * {@code pauseAfterTask} for the next ones, and reads the run's lease every {@code leaseCheck} to notice a coordinator
 * that is gone. It writes its heartbeat every {@code heartbeat} while it runs a task and every {@code idleHeartbeat}
 * while it waits.
 *
 * <p>The coordinator writes each worker's next assignment ahead, so a worker between tasks mostly finds it at the first
 * GET: one that does not was given nothing more when its previous result was read, a task's length ago. It waits at
 * the end of the run, for a task taken from a busy worker or for the order to stop; on S3 every GET of that wait finds
 * nothing and is billed. The coordinator hands a queued task to the worker idle for the shortest time, whose pauses are
 * the shortest.
 *
 * @param firstPause the pause after the first GET that found nothing, before the first task
 * @param pauseAfterTask the pause after the first GET that found nothing, after a task
 * @param longestPause the longest pause between two GETs
 * @param leaseCheck how often the lease is read while waiting
 * @param heartbeat how often the heartbeat is written during a task
 * @param idleHeartbeat how often the heartbeat is written between tasks
 */
public record WorkerCadence(
        Duration firstPause,
        Duration pauseAfterTask,
        Duration longestPause,
        Duration leaseCheck,
        Duration heartbeat,
        Duration idleHeartbeat) {
    /** Local workers: a GET or a heartbeat is a file written or read, and a hand-over costs a few milliseconds. */
    public static final WorkerCadence LOCAL = new WorkerCadence(
            Duration.ofMillis(5),
            Duration.ofMillis(5),
            Duration.ofMillis(100),
            Duration.ofSeconds(5),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2));

    /**
     * Cloud workers: each GET and PUT is a request S3 bills. A worker that waits for its first task looks often (it is
     * written on the coordinator's first poll); one that finished a task and found no next assignment waits for the end
     * of the run. Its heartbeats, read for a spot interruption notice, are read every few seconds while it runs a task;
     * between tasks one every 30 s keeps it well within the 60 s after which a silent worker counts as lost.
     */
    public static final WorkerCadence CLOUD = new WorkerCadence(
            Duration.ofMillis(100),
            Duration.ofSeconds(1),
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            Duration.ofSeconds(10),
            Duration.ofSeconds(30));

    public WorkerCadence {
        if (firstPause.toMillis() < 1
                || pauseAfterTask.toMillis() < 1
                || longestPause.compareTo(firstPause) < 0
                || longestPause.compareTo(pauseAfterTask) < 0
                || leaseCheck.toMillis() < 1
                || heartbeat.toMillis() < 1
                || idleHeartbeat.compareTo(heartbeat) < 0) {
            throw new IllegalArgumentException("Not a worker cadence: pauses " + firstPause + ", " + pauseAfterTask
                    + " up to " + longestPause + ", lease every " + leaseCheck + ", heartbeats every " + heartbeat
                    + " and " + idleHeartbeat);
        }
    }

    /** The pause after {@code pauseMillis}: twice as long, at most {@code longestPause}. */
    public long after(long pauseMillis) {
        return Math.min(pauseMillis * 2, longestPause.toMillis());
    }
}
