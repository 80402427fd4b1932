package io.cloudist.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock in UTC that moves only when told: {@link #advance}, {@link #setMillis}; or, made {@link #ticking}, by a
 * fixed step each time it is read. Safe to read and move from several threads. Its {@link #nanos()} serves code that
 * takes a {@code System::nanoTime}-like source, so that one fake time drives both.
 */
public final class ManualClock extends Clock {
    private final AtomicLong nanos;
    private final long stepNanos;

    private ManualClock(long startNanos, long stepNanos) {
        this.nanos = new AtomicLong(startNanos);
        this.stepNanos = stepNanos;
    }

    /** A clock that stands at {@code start} until moved. */
    public static ManualClock at(Instant start) {
        return new ManualClock(toNanos(start), 0);
    }

    /** A clock that stands at {@code millis} after the epoch until moved. */
    public static ManualClock atMillis(long millis) {
        return new ManualClock(millis * 1_000_000, 0);
    }

    /** A clock at {@code start} that moves on by {@code step} before each read, so the first read is start + step. */
    public static ManualClock ticking(Instant start, Duration step) {
        return new ManualClock(toNanos(start), step.toNanos());
    }

    /** Moves the clock on. */
    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    /** Moves the clock on by {@code millis} milliseconds. */
    public void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000);
    }

    /** Sets the clock to {@code millis} after the epoch, forwards or back. */
    public void setMillis(long millis) {
        nanos.set(millis * 1_000_000);
    }

    /** The time in nanoseconds after the epoch (a ticking clock moves on first). */
    public long nanos() {
        return nanos.addAndGet(stepNanos);
    }

    /** The milliseconds after the epoch it shows, without moving a ticking clock on. */
    public long peekMillis() {
        return Math.floorDiv(nanos.get(), 1_000_000);
    }

    @Override
    public long millis() {
        return Math.floorDiv(nanos(), 1_000_000);
    }

    @Override
    public Instant instant() {
        long now = nanos();
        return Instant.ofEpochSecond(Math.floorDiv(now, 1_000_000_000), Math.floorMod(now, 1_000_000_000));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** This clock: it keeps UTC, so that moving a copy never leaves the original behind. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    private static long toNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000), instant.getNano());
    }
}
