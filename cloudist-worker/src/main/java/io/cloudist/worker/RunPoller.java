package io.cloudist.worker;

import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a run's keys with a short, growing back-off (cheap GETs, no LISTs) and gives up when the run's lease stops
 * changing: its coordinator is gone. The lease is judged by this worker's clock only, so clock skew does not matter.
 */
final class RunPoller {
    private static final Logger LOG = LoggerFactory.getLogger(RunPoller.class);
    static final long LEASE_TIMEOUT_MILLIS = Long.getLong("cloudist.worker.leaseTimeoutMillis", 60_000);
    private static final long LEASE_CHECK_MILLIS = 5_000;

    private final Store store;
    private final String runId;
    private final BooleanSupplier leaving;
    private byte[] lastLease;
    private long leaseChangedAt = System.currentTimeMillis();
    private long leaseCheckedAt;

    /**
     * @param leaving true once this worker is going away (evicted), which ends every wait
     */
    RunPoller(Store store, String runId, BooleanSupplier leaving) {
        this.store = store;
        this.runId = runId;
        this.leaving = leaving;
    }

    /** The value at {@code key} once it exists; empty when the run's coordinator is gone or this worker leaves. */
    Optional<byte[]> await(String key) throws InterruptedException {
        long sleep = 5;
        while (true) {
            Optional<byte[]> value = store.get(key);
            if (value.isPresent()) {
                return value;
            }
            if (leaving.getAsBoolean()) {
                return Optional.empty();
            }
            if (leaseLapsed()) {
                LOG.warn("Run {} lost its coordinator (lease unchanged for {} s); leaving it", runId,
                        LEASE_TIMEOUT_MILLIS / 1000);
                return Optional.empty();
            }
            Thread.sleep(sleep);
            sleep = Math.min(sleep * 2, 100);
        }
    }

    private boolean leaseLapsed() {
        long now = System.currentTimeMillis();
        if (now - leaseCheckedAt < LEASE_CHECK_MILLIS) {
            return false;
        }
        leaseCheckedAt = now;
        byte[] lease = store.get(StoreKeys.lease(runId)).orElse(null);
        if (lease != null && !Arrays.equals(lease, lastLease)) {
            lastLease = lease;
            leaseChangedAt = now;
        }
        return now - leaseChangedAt > LEASE_TIMEOUT_MILLIS;
    }
}
