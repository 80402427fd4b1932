package io.cloudist.worker;

import io.cloudist.core.concurrent.DaemonThreads;
import io.cloudist.core.protocol.BootSteps;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.Heartbeat;
import io.cloudist.core.protocol.WorkerCadence;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes this worker's heartbeat every few seconds: what it is doing and how far it got; between tasks less often
 * ({@link WorkerCadence}), at once when it is evicted.
 */
final class Heartbeats implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Heartbeats.class);

    private final Store store;
    private final String runId;
    private final String workerId;
    private final BootSteps boot;
    private final ScheduledExecutorService timer;
    private final AtomicInteger seq = new AtomicInteger(-1);
    private final AtomicInteger testsDone = new AtomicInteger();
    private final AtomicReference<String> currentTest = new AtomicReference<>("");
    private final AtomicReference<String> eviction = new AtomicReference<>("");
    private final long idleNanos;
    private final LongSupplier nanos;
    private boolean finished;
    private long writtenAt;
    private boolean written;

    /** Heartbeats that say {@code boot}, how this worker's instance booted, in each beat. */
    Heartbeats(Store store, String runId, String workerId, WorkerCadence cadence, BootSteps boot) {
        this(store, runId, workerId, boot, cadence.heartbeat(), cadence.idleHeartbeat(), System::nanoTime, true);
    }

    /** Every {@code period}, during a task and between tasks. */
    Heartbeats(Store store, String runId, String workerId, Duration period) {
        this(store, runId, workerId, BootSteps.NONE, period, period, System::nanoTime, true);
    }

    private Heartbeats(
            Store store,
            String runId,
            String workerId,
            BootSteps boot,
            Duration period,
            Duration idlePeriod,
            LongSupplier nanos,
            boolean timed) {
        this.store = store;
        this.runId = runId;
        this.workerId = workerId;
        this.boot = boot;
        this.nanos = nanos;
        // A beat due within half a period of the idle period is written: the timer does not tick exactly.
        this.idleNanos = idlePeriod.minus(period.dividedBy(2)).toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("cloudist-heartbeat"));
        if (timed) {
            timer.scheduleAtFixedRate(this::tick, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Heartbeats whose timer is the caller, calling {@link #tick}, on the time {@code nanos} tells (for tests). */
    static Heartbeats ticked(
            Store store, String runId, String workerId, BootSteps boot, WorkerCadence cadence, LongSupplier nanos) {
        return new Heartbeats(store, runId, workerId, boot, cadence.heartbeat(), cadence.idleHeartbeat(), nanos, false);
    }

    /** A beat of the timer: skipped between tasks until the idle period has passed. */
    synchronized void tick() {
        if (written && seq.get() < 0 && eviction.get().isEmpty() && nanos.getAsLong() - writtenAt < idleNanos) {
            return;
        }
        beat();
    }

    void working(int assignment) {
        seq.set(assignment);
        testsDone.set(0);
    }

    void idle() {
        seq.set(-1);
        currentTest.set("");
    }

    void testStarted(String displayName) {
        currentTest.set(displayName);
    }

    void testFinished() {
        testsDone.incrementAndGet();
    }

    /** Says, at once and from now on, that this worker is going away and takes no more work. */
    void evicting(String reason) {
        eviction.set(reason);
        beat();
    }

    private synchronized void beat() {
        if (finished) {
            return;
        }
        try {
            Heartbeat beat = new Heartbeat(
                    Documents.SCHEMA,
                    workerId,
                    System.currentTimeMillis(),
                    seq.get(),
                    currentTest.get(),
                    testsDone.get(),
                    !eviction.get().isEmpty(),
                    eviction.get(),
                    boot);
            store.put(StoreKeys.heartbeat(runId, workerId), Documents.write(beat));
            written = true;
            writtenAt = nanos.getAsLong();
        } catch (RuntimeException e) {
            if (!Thread.currentThread().isInterrupted()) { // else: closed while the store was out
                LOG.warn("Heartbeat not written: {}", e.getMessage());
            }
        }
    }

    /**
     * The run is over for this worker (it was told to stop, or the run's documents are gone): no more beats, and its
     * heartbeat is deleted, so that nothing of the run stays in the store. An evicted worker keeps its last beat,
     * which tells the coordinator why it left.
     */
    void finish() {
        timer.shutdownNow();
        synchronized (this) {
            finished = true;
            if (!eviction.get().isEmpty()) {
                return;
            }
            try {
                store.delete(StoreKeys.heartbeat(runId, workerId));
            } catch (RuntimeException e) {
                LOG.debug("Heartbeat not deleted: {}", e.getMessage());
            }
        }
    }

    /** Stops beating; returns once no beat is being written, so nothing writes to the store after it. */
    @Override
    public void close() {
        timer.shutdownNow();
        synchronized (this) {
            finished = true;
        }
    }
}
