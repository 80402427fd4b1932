package io.cloudist.core.simulation;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** What all simulated workers did, added up: the yardstick the store's request counts are checked against. */
final class WorkerTally {
    final LongAdder assignmentHits = new LongAdder();
    final LongAdder assignmentMisses = new LongAdder();
    /** Of the misses, those of a worker that had not taken a task yet. */
    final LongAdder bootMisses = new LongAdder();

    final LongAdder leaseChecks = new LongAdder();
    final LongAdder results = new LongAdder();
    final LongAdder heartbeats = new LongAdder();
    final LongAdder stopped = new LongAdder();
    /** Assignments skipped because an idle worker took their task. */
    final LongAdder moved = new LongAdder();
    /** Test JVMs started for a task because its module's was not warm on the worker (not the one warmed at boot). */
    final LongAdder jvmStarts = new LongAdder();
    /** Tasks of another module than the task the worker ran before (or, for its first, than the one it warmed). */
    final LongAdder moduleSwitches = new LongAdder();
    /** Tasks taken by a worker's 1st, 2nd, 3rd and later task of the run (index 0, 1, 2, 3). */
    final LongAdder[] tasksByNumber = adders(4);
    /** Test JVMs started for a worker's 1st, 2nd, 3rd and later task. */
    final LongAdder[] jvmStartsByNumber = adders(4);
    /** The most test JVMs one worker started for tasks. */
    final LongAccumulator mostJvmStarts = new LongAccumulator(Math::max, 0);
    /** The most module switches of one worker. */
    final LongAccumulator mostModuleSwitches = new LongAccumulator(Math::max, 0);
    /** Assignments whose module is not their task's units' (or whose task holds units of several modules). */
    final LongAdder wrongModule = new LongAdder();
    /** Simulated seconds spent running tasks. */
    final DoubleAdder busySeconds = new DoubleAdder();
    /** The latest simulated millisecond (since the start) at which a worker started its first task. */
    final LongAccumulator lastFirstTaskMillis = new LongAccumulator(Math::max, 0);
    /**
     * The longest a waiting worker saw the run's lease unchanged, in simulated milliseconds: a real worker leaves
     * the run after 60 s plus the store outage budget (120 s by default).
     */
    final LongAccumulator longestLeaseGapMillis = new LongAccumulator(Math::max, 0);

    private static LongAdder[] adders(int count) {
        LongAdder[] adders = new LongAdder[count];
        for (int i = 0; i < count; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }
}
