package io.cloudist.core.store;

import io.cloudist.core.CloudistException;
import io.cloudist.core.CloudistParameters;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A {@link Store} that rides out outages of the store it wraps. A call that fails with
 * {@link StoreUnavailableException} is sent again after an exponential back-off with full jitter (from 100 ms, at
 * most 5 s) until it succeeds or the outage has lasted the budget ({@code cloudist.storeOutageSeconds}); then it throws
 * a {@link StoreOutageException} that says so. Every other exception (a wrong configuration, a missing permission)
 * passes through at once, and so does a failure caused by a {@link DiskFailure} (a full or read-only local disk). Once
 * the budget is spent, a failing call fails at once until a call succeeds again: giving up costs one wait, not one per
 * call.
 *
 * <p>Thread-safe: the threads that share a store share what it knows of the outage ({@link Outages}). Retrying is
 * safe because every write is idempotent, except {@link #putIfAbsent}: when an earlier attempt of the same call may
 * have created the key before its answer was lost, finding our own value there counts as having created it.
 *
 * <p>{@link #uptimeClock} is a clock that stands still while the store is out, for judging others by their silence:
 * during an outage nobody can write a heartbeat or renew a lease, so nobody should count the others lost for it.
 */
public final class ResilientStore implements Store {
    static final long FIRST_BACKOFF_MILLIS = 100;
    static final long MAX_BACKOFF_MILLIS = 5_000;

    /** Waits; {@link Thread#sleep} outside tests. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final Store inner;
    private final long budgetNanos;
    private final LongSupplier nanos;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final Outages outages;

    /**
     * @param inner the store to call
     * @param outageBudget how long an outage may last before calls fail ({@code cloudist.storeOutageSeconds})
     */
    public ResilientStore(Store inner, Duration outageBudget) {
        this(
                inner,
                outageBudget,
                System::nanoTime,
                Thread::sleep,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    ResilientStore(Store inner, Duration outageBudget, LongSupplier nanos, Sleeper sleeper, DoubleSupplier random) {
        if (outageBudget.isNegative()) {
            throw new IllegalArgumentException("A negative outage budget: " + outageBudget);
        }
        this.inner = inner;
        this.budgetNanos = outageBudget.toNanos();
        this.nanos = nanos;
        this.sleeper = sleeper;
        this.random = random;
        this.outages = new Outages(inner.location());
    }

    /** A clock on the system's time that does not advance while the store is out. */
    public Clock uptimeClock() {
        return uptimeClock(Clock.systemUTC());
    }

    /** {@code base}, less the time this store has spent in outages; it never goes back. */
    public Clock uptimeClock(Clock base) {
        return new UptimeClock(base, () -> outages.downtime(nanos.getAsLong()) / 1_000_000);
    }

    @Override
    public void put(String key, byte[] data) {
        call(() -> {
            inner.put(key, data);
            return null;
        });
    }

    @Override
    public void putFile(String key, Path file) {
        call(() -> {
            inner.putFile(key, file);
            return null;
        });
    }

    @Override
    public boolean putIfAbsent(String key, byte[] data) {
        boolean[] sent = {false};
        return call(() -> {
            if (!sent[0]) {
                sent[0] = true;
                return inner.putIfAbsent(key, data);
            }
            // An earlier attempt failed, perhaps after it created the key: our own value there is our creation.
            return inner.putIfAbsent(key, data)
                    || inner.get(key).map(v -> Arrays.equals(v, data)).orElse(false);
        });
    }

    @Override
    public Optional<byte[]> get(String key) {
        return call(() -> inner.get(key));
    }

    @Override
    public boolean getFile(String key, Path target) {
        return call(() -> inner.getFile(key, target));
    }

    @Override
    public boolean exists(String key) {
        return call(() -> inner.exists(key));
    }

    @Override
    public Optional<String> sha256(String key) {
        return call(() -> inner.sha256(key));
    }

    @Override
    public List<String> list(String prefix) {
        return call(() -> inner.list(prefix));
    }

    @Override
    public Map<String, String> versions(String prefix) {
        return call(() -> inner.versions(prefix));
    }

    /** The wrapped store's watch, whose listings are retried as every other call is (its waits do not fail). */
    @Override
    public StoreWatch watch(String prefix) {
        return call(() -> inner.watch(prefix)).listingThrough(this::call);
    }

    @Override
    public void delete(String key) {
        call(() -> {
            inner.delete(key);
            return null;
        });
    }

    @Override
    public String location() {
        return inner.location();
    }

    /** The wrapped store's usage, and the failed calls this store retried. */
    @Override
    public String usage() {
        String retries = outages.summary(nanos.getAsLong());
        String usage = inner.usage();
        return retries.isEmpty() ? usage : usage.isEmpty() ? retries : usage + "; " + retries;
    }

    @Override
    public void close() {
        inner.close();
    }

    private <T> T call(Supplier<T> operation) {
        for (int attempt = 0; ; attempt++) {
            long sent = nanos.getAsLong();
            T value;
            try {
                value = operation.get();
            } catch (StoreUnavailableException e) {
                Optional<DiskFailure> disk = DiskFailure.of(e);
                if (disk.isPresent()) {
                    throw diskFailure(disk.get(), e);
                }
                long now = nanos.getAsLong();
                long lasted = outages.failed(sent, now, e, budgetNanos);
                if (lasted >= budgetNanos) {
                    throw gaveUp(lasted, e);
                }
                pause(Math.min(backoffMillis(attempt), (budgetNanos - lasted) / 1_000_000 + 1));
                continue;
            }
            outages.succeeded(sent, nanos.getAsLong());
            return value;
        }
    }

    /** Full jitter: a random wait up to the exponential step (from 100 ms, at most 5 s). */
    private long backoffMillis(int attempt) {
        long step = Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(attempt, 16));
        return Math.max(1, Math.round(random.getAsDouble() * step));
    }

    private void pause(long millis) {
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudistException("Interrupted while waiting for the store at " + location(), e);
        }
    }

    /** A full, read-only or forbidden local disk under a store call: no wait mends it, so it is said at once. */
    private CloudistException diskFailure(DiskFailure failure, StoreUnavailableException e) {
        Path directory = DiskFailure.directory(e, null);
        String what = directory == null ? "A local disk" : "The directory " + directory;
        return new CloudistException(
                what + " " + failure.problem() + " while using the store at " + location() + ": " + failure.fix() + ".",
                e);
    }

    private StoreOutageException gaveUp(long lastedNanos, StoreUnavailableException e) {
        long budgetSeconds = budgetNanos / 1_000_000_000L;
        outages.giveUp();
        return new StoreOutageException(
                "The store at " + location() + " was unreachable for "
                        + Math.round(lastedNanos / 1e9) + " s, longer than the " + budgetSeconds + " s that "
                        + CloudistParameters.STORE_OUTAGE_SECONDS.displayName() + " allows; last error: "
                        + e.getMessage()
                        + ". Check the network and the store's service, or set "
                        + CloudistParameters.STORE_OUTAGE_SECONDS.option()
                        + " to more seconds to wait longer.",
                e);
    }
}
