package io.cloudist.core.coordinate;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.plan.Task;
import io.cloudist.core.plan.Unit;
import io.cloudist.core.protocol.WorkerReplies;
import io.cloudist.core.store.ForwardingStore;
import io.cloudist.core.store.LocalDirectoryStore;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coordinator reads a worker's document only when it changed, and once for each change it sees. */
class CoordinatorReadsTest {
    /** Heartbeats of busy workers are read at most every 200 ms (a tenth of the timeout). */
    private static final CoordinatorSettings SETTINGS =
            new CoordinatorSettings(Duration.ofMillis(5), Duration.ofSeconds(2), Duration.ofSeconds(30), 2);

    @TempDir
    Path temp;

    @Test
    void eachResultIsReadOnceAndAHeartbeatWrittenManyTimesBetweenReadsIsReadOnce() throws Exception {
        Store shared = new LocalDirectoryStore(temp);
        CountingStore store = new CountingStore(shared); // the coordinator's reads are counted, not the worker's
        List<FakeWorker> workers = List.of(FakeWorker.slow("w0", shared, "r", 100));
        List<Task> tasks = IntStream.range(0, 20)
                .mapToObj(i -> new Task(
                        "t" + i, List.of(new Unit("C" + i, "C" + i, List.of("[engine:e]/[class:C" + i + "]"), 1)), 1))
                .toList();
        // The worker beats every 2 ms, about a hundred times between two reads.
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger beats = new AtomicInteger();
        Thread beating = new Thread(() -> {
            while (running.get()) {
                shared.put(
                        StoreKeys.heartbeat("r", "w0"), WorkerReplies.heartbeat("w0", beats.incrementAndGet(), 0, ""));
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        beating.start();
        long start = System.nanoTime();
        Coordinator.Outcome outcome;
        try {
            outcome = new Coordinator(
                            store,
                            "r",
                            List.copyOf(workers),
                            new CoordinatorListener() {},
                            SETTINGS,
                            Replacements.NONE,
                            Clock.systemUTC())
                    .run(tasks);
        } finally {
            running.set(false);
            beating.join();
        }
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertThat(outcome.results()).hasSize(20);
        Map<String, Integer> results = store.readsOf(k -> k.contains("/out/"));
        assertThat(results.values()).hasSize(20).containsOnly(1);
        assertThat(store.readsOf(k -> k.contains("/in/"))).isEmpty();
        int beatReads = store.readsOf(k -> k.endsWith("/beat")).getOrDefault(StoreKeys.heartbeat("r", "w0"), 0);
        assertThat(beats.get()).isGreaterThan(10 * (int) (millis / 200 + 1));
        assertThat(beatReads).isBetween(1, (int) (millis / 200) + 1);
    }

    /** A store that counts the values read, by key; it watches what the store it wraps watches. */
    private static final class CountingStore extends ForwardingStore {
        private final Map<String, LongAdder> reads = new ConcurrentHashMap<>();

        CountingStore(Store inner) {
            super(inner);
        }

        Map<String, Integer> readsOf(java.util.function.Predicate<String> keys) {
            Map<String, Integer> counts = new java.util.TreeMap<>();
            reads.forEach((key, n) -> {
                if (keys.test(key)) {
                    counts.put(key, n.intValue());
                }
            });
            return counts;
        }

        @Override
        public Optional<byte[]> get(String key) {
            reads.computeIfAbsent(key, k -> new LongAdder()).increment();
            return super.get(key);
        }
    }
}
