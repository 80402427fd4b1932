package io.cloudist.core.simulation;

import io.cloudist.core.CloudistException;
import io.cloudist.core.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An in-memory Store that behaves like S3 in what matters for scale: each request takes an S3-like time (see
 * {@link S3Request}, scaled by the simulation's time factor) and is counted, by kind and bytes, per client. A
 * client that waits ({@link #client(RequestCounts)}) sleeps through the latency, as the coordinator does on S3; an
 * event-driven simulated worker uses {@link #instant(RequestCounts)} and schedules what follows a request after
 * {@link #latencyNanos(S3Request)} itself.
 */
final class SimulatedStore {
    /** Keys S3 returns per LIST request, at most. */
    static final int KEYS_PER_LIST = 1_000;
    /** What a LIST answer holds per key (its key, ETag, size, time and storage class as XML), roughly. */
    private static final int LISTED_BYTES_PER_KEY = 250;

    private final ConcurrentSkipListMap<String, Stored> objects = new ConcurrentSkipListMap<>();
    private final AtomicLong writes = new AtomicLong();

    /** An object: its bytes and its version, a new one per write, as S3's ETag and last-modified time change. */
    private record Stored(byte[] bytes, String version) {}

    private Stored stored(byte[] data) {
        return new Stored(data.clone(), Long.toString(writes.incrementAndGet()));
    }

    private final double timeFactor;

    /** @param timeFactor real time per simulated time: 0.1 runs ten times faster than S3 would */
    SimulatedStore(double timeFactor) {
        this.timeFactor = timeFactor;
    }

    /** A client that sleeps through each request's latency, on whichever threads call it. */
    Store client(RequestCounts counts) {
        return new Client(counts, true);
    }

    /** A client whose requests take no time; the caller accounts for {@link #latencyNanos(S3Request)}. */
    Store instant(RequestCounts counts) {
        return new Client(counts, false);
    }

    /** A latency of the kind, in real nanoseconds: uniform over its simulated range, scaled by the time factor. */
    long latencyNanos(S3Request kind) {
        double millis = ThreadLocalRandom.current().nextDouble(kind.minMillis, kind.maxMillis);
        return (long) (millis * 1_000_000 * timeFactor);
    }

    /** How many objects are stored and their bytes. */
    long objects() {
        return objects.size();
    }

    long bytes() {
        return objects.values().stream().mapToLong(o -> o.bytes().length).sum();
    }

    private final class Client implements Store {
        private final RequestCounts counts;
        private final boolean waits;
        /** Per thread: the coordinator sends a poll's requests from several threads at once. */
        private final ThreadLocal<long[]> overslept = ThreadLocal.withInitial(() -> new long[1]);

        Client(RequestCounts counts, boolean waits) {
            this.counts = counts;
            this.waits = waits;
        }

        private void request(S3Request kind, long sent, long received) {
            counts.count(kind, sent, received);
            if (!waits) {
                return;
            }
            // Time slept past a latency (a loaded machine wakes threads late) is taken off the next one, so that
            // the client's total wait stays the sum of its latencies. parkNanos, not Thread.sleep: Java 17 rounds a
            // sleep of under a millisecond up to one.
            long latency = latencyNanos(kind);
            counts.waited(latency);
            long[] late = overslept.get();
            if (late[0] >= latency) {
                late[0] -= latency;
                return;
            }
            long target = latency - late[0];
            long start = System.nanoTime();
            for (long left = target; left > 0; left = start + target - System.nanoTime()) {
                LockSupport.parkNanos(left);
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new CloudistException("Interrupted during a simulated request");
                }
            }
            late[0] = System.nanoTime() - start - target;
        }

        @Override
        public void put(String key, byte[] data) {
            request(S3Request.PUT, data.length, 0);
            objects.put(key, stored(data));
        }

        @Override
        public void putFile(String key, Path file) {
            try {
                put(key, Files.readAllBytes(file));
            } catch (IOException e) {
                throw new CloudistException("Cannot read " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public boolean putIfAbsent(String key, byte[] data) {
            request(S3Request.PUT, data.length, 0);
            return objects.putIfAbsent(key, stored(data)) == null;
        }

        @Override
        public Optional<byte[]> get(String key) {
            Stored value = objects.get(key);
            request(S3Request.GET, 0, value == null ? 0 : value.bytes().length);
            return Optional.ofNullable(value).map(v -> v.bytes().clone());
        }

        @Override
        public boolean getFile(String key, Path target) {
            Optional<byte[]> value = get(key);
            if (value.isEmpty()) {
                return false;
            }
            try {
                Files.write(target, value.get());
            } catch (IOException e) {
                throw new CloudistException("Cannot write " + target + ": " + e.getMessage(), e);
            }
            return true;
        }

        @Override
        public boolean exists(String key) {
            request(S3Request.HEAD, 0, 0);
            return objects.containsKey(key);
        }

        @Override
        public List<String> list(String prefix) {
            return List.copyOf(versions(prefix).keySet());
        }

        /** As S3 lists: a LIST request per {@value #KEYS_PER_LIST} keys, one after the other. */
        @Override
        public Map<String, String> versions(String prefix) {
            Map<String, String> versions = new LinkedHashMap<>(); // in key order, as S3 lists
            objects.subMap(prefix, prefix + Character.MAX_VALUE)
                    .forEach((key, object) -> versions.put(key, object.version()));
            int pages = Math.max(1, (versions.size() + KEYS_PER_LIST - 1) / KEYS_PER_LIST);
            for (int page = 0; page < pages; page++) {
                int keys = Math.min(KEYS_PER_LIST, versions.size() - page * KEYS_PER_LIST);
                request(S3Request.LIST, 0, (long) Math.max(0, keys) * LISTED_BYTES_PER_KEY);
            }
            return versions;
        }

        @Override
        public void delete(String key) {
            request(S3Request.DELETE, 0, 0);
            objects.remove(key);
        }

        @Override
        public String location() {
            return "simulated-s3://run";
        }
    }
}
