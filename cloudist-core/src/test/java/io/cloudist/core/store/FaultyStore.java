package io.cloudist.core.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A {@link Store} that passes calls on to another one with the faults of a {@link FaultPlan}: added latency, a share
 * of calls failing with {@link StoreUnavailableException} (half before the call reaches the store, half after it: a
 * lost answer), and outages during which every call fails. Its location is {@code faulty:<inner location>}, which
 * {@link FaultyStoreProvider} opens in any process, reading the plan from the inner directory's
 * {@value FaultPlan#FILE}.
 */
public final class FaultyStore implements Store {
    /** The scheme of faulty store locations. */
    public static final String SCHEME = "faulty:";

    private final Store inner;
    private final Supplier<FaultPlan> plan;
    private final AtomicLong injected = new AtomicLong();

    /** @param plan read at every call: the test may change what it returns at any time */
    public FaultyStore(Store inner, Supplier<FaultPlan> plan) {
        this.inner = inner;
        this.plan = plan;
    }

    /** A faulty store over the local directory {@code directory}, following the plan file there. */
    public static FaultyStore overDirectory(Path directory) {
        return new FaultyStore(new LocalDirectoryStore(directory), FaultPlan.watch(directory));
    }

    /** How many calls failed on purpose so far. */
    public long injectedFailures() {
        return injected.get();
    }

    private <T> T call(String what, Supplier<T> operation) {
        FaultPlan now = plan.get();
        if (now.latencyMillis() > 0) {
            try {
                Thread.sleep(now.latencyMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("Interrupted during injected latency");
            }
        }
        if (now.outageAt(System.currentTimeMillis())) {
            injected.incrementAndGet();
            throw new StoreUnavailableException("Injected outage: " + what + " failed (HTTP 503)");
        }
        double dice = now.failureRate() > 0 ? ThreadLocalRandom.current().nextDouble() : 1;
        if (dice < now.failureRate() / 2) {
            injected.incrementAndGet();
            throw new StoreUnavailableException("Injected failure: " + what + " failed (HTTP 500)");
        }
        T value = operation.get();
        if (dice < now.failureRate()) {
            injected.incrementAndGet();
            throw new StoreUnavailableException("Injected failure: the answer to " + what + " was lost");
        }
        return value;
    }

    private void run(String what, Runnable operation) {
        call(what, () -> {
            operation.run();
            return null;
        });
    }

    @Override
    public void put(String key, byte[] data) {
        run("PUT " + key, () -> inner.put(key, data));
    }

    @Override
    public void putFile(String key, Path file) {
        run("PUT " + key, () -> inner.putFile(key, file));
    }

    @Override
    public boolean putIfAbsent(String key, byte[] data) {
        return call("PUT if absent " + key, () -> inner.putIfAbsent(key, data));
    }

    @Override
    public Optional<byte[]> get(String key) {
        return call("GET " + key, () -> inner.get(key));
    }

    @Override
    public boolean getFile(String key, Path target) {
        return call("GET " + key, () -> inner.getFile(key, target));
    }

    @Override
    public boolean exists(String key) {
        return call("HEAD " + key, () -> inner.exists(key));
    }

    @Override
    public Optional<String> sha256(String key) {
        return call("HEAD " + key, () -> inner.sha256(key));
    }

    @Override
    public List<String> list(String prefix) {
        return call("LIST " + prefix, () -> inner.list(prefix));
    }

    @Override
    public Map<String, String> versions(String prefix) {
        return call("LIST " + prefix, () -> inner.versions(prefix));
    }

    /** The inner store's watch, each listing with the faults of a LIST: a failure before it or a lost answer. */
    @Override
    public StoreWatch watch(String prefix) {
        return inner.watch(prefix).listingThrough(listing -> call("LIST " + prefix, listing));
    }

    @Override
    public void delete(String key) {
        run("DELETE " + key, () -> inner.delete(key));
    }

    @Override
    public String location() {
        return SCHEME + inner.location();
    }

    @Override
    public void close() {
        inner.close();
    }
}
