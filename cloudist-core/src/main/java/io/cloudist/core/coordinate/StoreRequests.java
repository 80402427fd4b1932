package io.cloudist.core.coordinate;

import io.cloudist.core.concurrent.DaemonThreads;
import io.cloudist.core.concurrent.Futures;
import io.cloudist.core.store.Store;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The coordinator's requests of one poll, sent together. On S3 each request takes tens of milliseconds: a poll over a
 * thousand workers one request at a time would take minutes, longer than their tasks.
 */
final class StoreRequests implements AutoCloseable {
    /** Requests in flight at once; S3 serves thousands per second per prefix. */
    static final int PARALLELISM = 32;

    private final Store store;
    private final ExecutorService pool;

    StoreRequests(Store store) {
        this.store = store;
        this.pool = Executors.newFixedThreadPool(PARALLELISM, DaemonThreads.named("cloudist-coordinator-io"));
    }

    /** The value of each key, or empty where there is none. */
    Map<String, Optional<byte[]>> getAll(Collection<String> keys) {
        Map<String, Future<Optional<byte[]>>> pending = new LinkedHashMap<>();
        for (String key : keys) {
            pending.put(key, pool.submit(() -> store.get(key)));
        }
        Map<String, Optional<byte[]>> values = new LinkedHashMap<>();
        pending.forEach((key, future) -> values.put(key, await(future)));
        return values;
    }

    /** Writes every value, and returns when all are written. */
    void putAll(Map<String, byte[]> writes) {
        List<Future<?>> pending = new ArrayList<>();
        writes.forEach((key, value) -> pending.add(pool.submit(() -> store.put(key, value))));
        pending.forEach(StoreRequests::await);
    }

    /** Writes every value; returns the keys that could not be written. */
    List<String> tryPutAll(Map<String, byte[]> writes) {
        Map<String, Future<?>> pending = new LinkedHashMap<>();
        writes.forEach((key, value) -> pending.put(key, pool.submit(() -> store.put(key, value))));
        List<String> failed = new ArrayList<>();
        pending.forEach((key, future) -> {
            try {
                await(future);
            } catch (RuntimeException e) {
                failed.add(key);
            }
        });
        return failed;
    }

    private static <T> T await(Future<T> future) {
        return Futures.await(future, "Interrupted while talking to the store", "A store request failed");
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
