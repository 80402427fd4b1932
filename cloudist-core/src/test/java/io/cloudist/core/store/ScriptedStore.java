package io.cloudist.core.store;

import io.cloudist.testing.ManualClock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * An in-memory store on a fake clock that a test scripts: down until a time, failing the next few calls (or losing
 * their answers), taking time per call, or refusing with a configuration error. Counts the calls it was sent.
 */
final class ScriptedStore implements Store {
    private final Map<String, byte[]> values = new ConcurrentHashMap<>();
    private final ManualClock time;
    volatile long downUntilNanos;
    volatile int failNext;
    volatile int loseNextAnswers;
    volatile long millisPerCall;
    volatile RuntimeException refusal;
    volatile int calls;

    /** A store on {@code time}, whose {@link ManualClock#nanos()} {@link ResilientStore}'s sleeps advance. */
    ScriptedStore(ManualClock time) {
        this.time = time;
    }

    /** Down for the next {@code seconds} of fake time. */
    void downFor(long seconds) {
        downUntilNanos = time.nanos() + seconds * 1_000_000_000L;
    }

    private <T> T call(Supplier<T> operation) {
        calls++;
        time.advanceMillis(millisPerCall);
        if (refusal != null) {
            throw refusal;
        }
        if (time.nanos() < downUntilNanos) {
            throw new StoreUnavailableException("HTTP 503 SlowDown");
        }
        if (failNext > 0) {
            failNext--;
            throw new StoreUnavailableException("HTTP 500 InternalError");
        }
        T value = operation.get();
        if (loseNextAnswers > 0) {
            loseNextAnswers--;
            throw new StoreUnavailableException("Connection reset after the request was sent");
        }
        return value;
    }

    @Override
    public void put(String key, byte[] data) {
        call(() -> values.put(key, data.clone()));
    }

    @Override
    public void putFile(String key, Path file) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean putIfAbsent(String key, byte[] data) {
        return call(() -> values.putIfAbsent(key, data.clone()) == null);
    }

    @Override
    public Optional<byte[]> get(String key) {
        return call(() -> Optional.ofNullable(values.get(key)));
    }

    @Override
    public boolean getFile(String key, Path target) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean exists(String key) {
        return call(() -> values.containsKey(key));
    }

    @Override
    public List<String> list(String prefix) {
        return call(() -> values.keySet().stream()
                .filter(k -> k.startsWith(prefix))
                .sorted()
                .toList());
    }

    /** One call, as a LIST is one request: each value's hash as its version. */
    @Override
    public Map<String, String> versions(String prefix) {
        return call(() -> {
            Map<String, String> versions = new TreeMap<>();
            values.forEach((key, value) -> {
                if (key.startsWith(prefix)) {
                    versions.put(key, Versions.ofContent(value));
                }
            });
            return versions;
        });
    }

    @Override
    public void delete(String key) {
        call(() -> values.remove(key));
    }

    @Override
    public String location() {
        return "s3://bucket/ci";
    }
}
