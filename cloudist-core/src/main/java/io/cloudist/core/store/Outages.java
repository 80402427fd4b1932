package io.cloudist.core.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one {@link ResilientStore} knows of its store's outages, shared by every thread that calls it. An outage
 * begins with a call that fails with {@link StoreUnavailableException} and ends with a call, sent after it began, that
 * succeeds. It is dated from the moment the first failing call was sent (at most {@link #LOOKBACK_NANOS} back: a call
 * may spend that long on its own quick retries before it fails), so that neither the budget nor the downtime misses
 * the time that call spent failing. Times are {@link System#nanoTime()} readings.
 *
 * <p>Short blips stay quiet: an outage is logged (WARN, once) when it has lasted {@link #NOTICE_NANOS}, and its end
 * (INFO, once) only if its start was.
 */
final class Outages {
    private static final Logger LOG = LoggerFactory.getLogger(ResilientStore.class);
    static final long NOTICE_NANOS = 2_000_000_000L;
    static final long LOOKBACK_NANOS = 60_000_000_000L;
    private static final long NONE = Long.MIN_VALUE;

    private final String location;
    private long start = NONE;
    private boolean announced;
    private boolean gaveUp;
    private long finishedDowntime;
    private long failures;
    private int outages;

    Outages(String location) {
        this.location = location;
    }

    /**
     * Records a failed call.
     *
     * @param sent when the call was sent
     * @return how long the outage has lasted by {@code now}
     */
    synchronized long failed(long sent, long now, StoreUnavailableException e, long budgetNanos) {
        failures++;
        if (start == NONE) {
            start = Math.max(sent, now - LOOKBACK_NANOS);
            outages++;
        }
        long lasted = now - start;
        if (!announced && lasted >= NOTICE_NANOS && lasted < budgetNanos) {
            announced = true;
            LOG.warn(
                    "The store at {} is unreachable ({}); retrying for up to {} s (cloudist.storeOutageSeconds)",
                    location,
                    e.getMessage(),
                    budgetNanos / 1_000_000_000L);
        }
        return lasted;
    }

    /** Records that a caller gave up, so that the end of the outage is logged. */
    synchronized void giveUp() {
        gaveUp = true;
    }

    /** Records a call sent at {@code sent} that succeeded at {@code now}: it ends an outage that began before it. */
    synchronized void succeeded(long sent, long now) {
        if (start == NONE || sent < start) {
            return;
        }
        long lasted = now - start;
        finishedDowntime += lasted;
        if (announced || gaveUp) {
            LOG.info("The store at {} is reachable again after {} s", location, Math.round(lasted / 1e9));
        }
        start = NONE;
        announced = false;
        gaveUp = false;
    }

    /** Time spent in outages by {@code now}, the current one included. */
    synchronized long downtime(long now) {
        return finishedDowntime + (start == NONE ? 0 : Math.max(0, now - start));
    }

    /** E.g. {@code 12 failed store calls retried, unreachable for 31 s in 2 outages}; "" when no call failed. */
    synchronized String summary(long now) {
        if (failures == 0) {
            return "";
        }
        return failures + " failed store calls retried, unreachable for " + Math.round(downtime(now) / 1e9) + " s in "
                + outages + (outages == 1 ? " outage" : " outages");
    }
}
