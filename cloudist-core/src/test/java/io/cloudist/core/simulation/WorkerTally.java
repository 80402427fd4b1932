package io.cloudist.core.simulation;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** What all simulated workers did, added up: the yardstick the store's request counts are checked against. */
final class WorkerTally {
    final LongAdder assignmentHits = new LongAdder();
    final LongAdder assignmentMisses = new LongAdder();
    final LongAdder leaseChecks = new LongAdder();
    final LongAdder results = new LongAdder();
    final LongAdder heartbeats = new LongAdder();
    final LongAdder stopped = new LongAdder();
    /** Assignments skipped because an idle worker took their task. */
    final LongAdder moved = new LongAdder();
    /** Simulated seconds spent running tasks. */
    final DoubleAdder busySeconds = new DoubleAdder();
    /** The latest simulated millisecond (since the start) at which a worker started its first task. */
    final LongAccumulator lastFirstTaskMillis = new LongAccumulator(Math::max, 0);
    /**
     * The longest a waiting worker saw the run's lease unchanged, in simulated milliseconds: a real worker leaves
     * the run after 60 s plus the store outage budget (120 s by default).
     */
    final LongAccumulator longestLeaseGapMillis = new LongAccumulator(Math::max, 0);
}
