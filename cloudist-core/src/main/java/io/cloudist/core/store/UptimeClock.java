package io.cloudist.core.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A clock that runs as {@code base} less a downtime that grows while the store is out, so that it stands still then.
 * It never goes back, even when an outage is dated back to the call that first failed.
 */
final class UptimeClock extends Clock {
    private final Clock base;
    private final LongSupplier downtimeMillis;
    private final AtomicLong latest = new AtomicLong(Long.MIN_VALUE);

    UptimeClock(Clock base, LongSupplier downtimeMillis) {
        this.base = base;
        this.downtimeMillis = downtimeMillis;
    }

    @Override
    public long millis() {
        long now = base.millis() - downtimeMillis.getAsLong();
        return latest.accumulateAndGet(now, Math::max);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new UptimeClock(base.withZone(zone), downtimeMillis);
    }
}
