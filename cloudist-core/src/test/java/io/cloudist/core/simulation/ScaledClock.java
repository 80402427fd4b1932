package io.cloudist.core.simulation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Simulated time: starts now and runs {@code 1 / timeFactor} times as fast as the real clock. */
final class ScaledClock extends Clock {
    private final long startMillis = System.currentTimeMillis();
    private final long startNanos = System.nanoTime();
    private final double timeFactor;

    ScaledClock(double timeFactor) {
        this.timeFactor = timeFactor;
    }

    /** Simulated seconds since this clock started. */
    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9 / timeFactor;
    }

    @Override
    public long millis() {
        return startMillis + (long) (seconds() * 1000);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("A simulated clock is in UTC");
    }
}
