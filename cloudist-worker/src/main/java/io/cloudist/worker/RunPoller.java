package io.cloudist.worker;

import io.cloudist.core.protocol.WorkerCadence;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a run's keys with a growing back-off ({@link WorkerCadence}: GETs, no LISTs) and gives up when the run's lease stops
 * changing (its coordinator is gone) or, once seen, disappears (its coordinator ended the run and deleted its
 * documents). The lease is judged by this worker's clock only, so clock skew does not matter;
 * that clock is the store's uptime clock, which stands still while this worker cannot reach the store. A coordinator
 * that cannot reach the store while this worker can is riding out its own outage, so the lease may stay unchanged for
 * {@link #LEASE_TIMEOUT_MILLIS} plus the run's outage budget.
 */
final class RunPoller {
    private static final Logger LOG = LoggerFactory.getLogger(RunPoller.class);
    static final long LEASE_TIMEOUT_MILLIS = Long.getLong("cloudist.worker.leaseTimeoutMillis", 60_000);

    private final Store store;
    private final String runId;
    private final BooleanSupplier leaving;
    private final Clock clock;
    private final long leaseTimeoutMillis;
    private final WorkerCadence cadence;
    private byte[] lastLease;
    private long leaseChangedAt;
    private long leaseCheckedAt;
    private boolean leaseDeleted;

    /**
     * @param clock the clock that judges the lease (the store's uptime clock)
     * @param outageBudget how long the coordinator rides out an outage of the store
     * @param leaving true once this worker is going away (evicted), which ends every wait
     * @param cadence how often to look
     */
    RunPoller(
            Store store,
            String runId,
            Clock clock,
            Duration outageBudget,
            BooleanSupplier leaving,
            WorkerCadence cadence) {
        this.store = store;
        this.cadence = cadence;
        this.runId = runId;
        this.clock = clock;
        this.leaseTimeoutMillis = LEASE_TIMEOUT_MILLIS + outageBudget.toMillis();
        this.leaseChangedAt = clock.millis();
        this.leaving = leaving;
    }

    /** The value at {@code key} once it exists; empty when the run's coordinator is gone or this worker leaves. */
    Optional<byte[]> await(String key) throws InterruptedException {
        return await(key, cadence.firstPause().toMillis());
    }

    /** As {@link #await}, for the assignment after a task: one that is not there yet may be long in coming. */
    Optional<byte[]> awaitAfterTask(String key) throws InterruptedException {
        return await(key, cadence.pauseAfterTask().toMillis());
    }

    private Optional<byte[]> await(String key, long firstPauseMillis) throws InterruptedException {
        long sleep = firstPauseMillis;
        while (true) {
            Optional<byte[]> value = store.get(key);
            if (value.isPresent()) {
                return value;
            }
            if (leaving.getAsBoolean()) {
                return Optional.empty();
            }
            if (leaseLapsed()) {
                if (leaseDeleted) {
                    LOG.info("Run {} is over: its coordinator deleted its documents; leaving it", runId);
                } else {
                    LOG.warn(
                            "Run {} lost its coordinator (lease unchanged for {} s); leaving it",
                            runId,
                            leaseTimeoutMillis / 1000);
                }
                return Optional.empty();
            }
            Thread.sleep(sleep);
            sleep = cadence.after(sleep);
        }
    }

    private boolean leaseLapsed() {
        long now = clock.millis();
        if (now - leaseCheckedAt < cadence.leaseCheck().toMillis()) {
            return false;
        }
        leaseCheckedAt = now;
        byte[] lease = store.get(StoreKeys.lease(runId)).orElse(null);
        now = clock.millis();
        if (lease == null && lastLease != null) {
            leaseDeleted = true;
            return true;
        }
        if (lease != null && !Arrays.equals(lease, lastLease)) {
            lastLease = lease;
            leaseChangedAt = now;
        }
        return now - leaseChangedAt > leaseTimeoutMillis;
    }
}
