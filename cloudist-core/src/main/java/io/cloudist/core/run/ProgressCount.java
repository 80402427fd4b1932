package io.cloudist.core.run;

import io.cloudist.core.RunListener;

/**
 * The numbers of the progress line. Tests are counted as they are reported; the total starts at what discovery found
 * and, as each task finishes, takes what it reported instead (dynamic and parameterized tests run more than
 * discovery counts, tests lost with a JVM fewer), so the count never runs past the total and they meet at the end.
 * The estimate of the time left comes from the expected seconds of the tasks done, and never rises: at the end of a
 * run, where the last long tasks hold the count still, it would.
 */
final class ProgressCount {
    private final double expectedTotal;
    private final long startMillis;
    private int testsTotal;
    private int testsDone;
    private int failures;
    private double expectedDone;
    private long lastEtaSeconds = -1;
    private long lastEtaMillis;

    /**
     * @param testsDiscovered the tests of every planned task, as discovery counts them
     * @param expectedTotal the expected seconds of every planned task
     * @param startMillis when the tests started
     */
    ProgressCount(int testsDiscovered, double expectedTotal, long startMillis) {
        this.testsTotal = testsDiscovered;
        this.expectedTotal = expectedTotal;
        this.startMillis = startMillis;
    }

    /**
     * @param discovered the tests discovery counted in the task
     * @param reported the tests the task reported, each once
     * @param failed of those, how many failed or erred
     * @param expectedSeconds the task's expected seconds
     */
    void taskFinished(int discovered, int reported, int failed, double expectedSeconds) {
        testsTotal += reported - discovered;
        testsDone += reported;
        failures += failed;
        expectedDone += expectedSeconds;
    }

    RunListener.Progress snapshot(long nowMillis, int busyWorkers, int liveWorkers) {
        return new RunListener.Progress(testsDone, testsTotal, failures, busyWorkers, liveWorkers, eta(nowMillis));
    }

    private long eta(long nowMillis) {
        if (expectedDone <= 0 || expectedDone >= expectedTotal) {
            return expectedDone <= 0 ? -1 : 0;
        }
        long estimate = Math.round((nowMillis - startMillis) / 1000.0 * (expectedTotal - expectedDone) / expectedDone);
        if (lastEtaSeconds >= 0) {
            long countedDown = lastEtaSeconds - (nowMillis - lastEtaMillis) / 1000;
            if (estimate > countedDown) {
                return Math.max(0, countedDown);
            }
        }
        lastEtaSeconds = estimate;
        lastEtaMillis = nowMillis;
        return estimate;
    }
}
