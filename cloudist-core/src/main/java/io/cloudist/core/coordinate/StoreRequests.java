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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * The coordinator's requests of one poll, sent together. On S3 each request takes tens of milliseconds: a poll over a
 * thousand workers one request at a time would take minutes, longer than their tasks. Writes start as soon as they are
 * decided, so that the first of two thousand assignments reaches its worker while the others are being decided. A
 * local directory answers in microseconds: its requests are made on the caller's thread ({@link #inline}), which
 * spares a hand-over to another thread per request.
 */
final class StoreRequests implements AutoCloseable {
    /**
     * Requests in flight at once: as many as the S3 store's connections. S3 serves thousands per second per prefix;
     * the first poll of a thousand workers writes two thousand assignments.
     */
    static final int PARALLELISM = 64;

    private final Store store;
    private final ExecutorService pool;
    private final List<Future<?>> puts = new ArrayList<>();

    private StoreRequests(Store store, ExecutorService pool) {
        this.store = store;
        this.pool = pool;
    }

    /** Up to {@link #PARALLELISM} requests at once. */
    static StoreRequests parallel(Store store) {
        return new StoreRequests(
                store, Executors.newFixedThreadPool(PARALLELISM, DaemonThreads.named("cloudist-coordinator-io")));
    }

    /** One request after the other, on the caller's thread. */
    static StoreRequests inline(Store store) {
        return new StoreRequests(store, null);
    }

    private <T> Future<T> submit(Callable<T> request) {
        if (pool != null) {
            return pool.submit(request);
        }
        FutureTask<T> done = new FutureTask<>(request);
        done.run();
        return done;
    }

    /** The value of each key, or empty where there is none. */
    Map<String, Optional<byte[]>> getAll(Collection<String> keys) {
        Map<String, Future<Optional<byte[]>>> pending = new LinkedHashMap<>();
        for (String key : keys) {
            pending.put(key, submit(() -> store.get(key)));
        }
        Map<String, Optional<byte[]>> values = new LinkedHashMap<>();
        pending.forEach((key, future) -> values.put(key, await(future)));
        return values;
    }

    /** Starts writing {@code value} at {@code key}; {@link #awaitPuts} waits for it. */
    void put(String key, byte[] value) {
        puts.add(submit(() -> {
            store.put(key, value);
            return null;
        }));
    }

    /** Returns when every value {@link #put} since the last call is written; throws what a failed write threw. */
    void awaitPuts() {
        try {
            puts.forEach(StoreRequests::await);
        } finally {
            puts.clear();
        }
    }

    /** Writes every value; returns the keys that could not be written. */
    List<String> tryPutAll(Map<String, byte[]> writes) {
        Map<String, Future<?>> pending = new LinkedHashMap<>();
        writes.forEach((key, value) -> pending.put(key, submit(() -> {
            store.put(key, value);
            return null;
        })));
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
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
