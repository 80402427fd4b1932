package io.cloudist.core.coordinate;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.plan.Task;
import io.cloudist.core.plan.Unit;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.store.FaultPlan;
import io.cloudist.core.store.FaultyStore;
import io.cloudist.core.store.LocalDirectoryStore;
import io.cloudist.core.store.ResilientStore;
import io.cloudist.core.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A coordinator whose store stays out for longer than its budget stops the run, without waiting twice, and keeps the
 * results it read: the rest become errors that name the outage.
 */
class CoordinatorOutageTest {
    private static final CoordinatorSettings FAST =
            new CoordinatorSettings(Duration.ofMillis(5), Duration.ofSeconds(30), Duration.ofSeconds(30), 2);

    @TempDir
    Path temp;

    @Test
    void anOutageBeyondTheBudgetStopsTheRunKeepsWhatFinishedAndTerminatesTheWorkersAtOnce() {
        Store behind = new LocalDirectoryStore(temp);
        AtomicReference<FaultPlan> plan = new AtomicReference<>(FaultPlan.NONE);
        ResilientStore store = new ResilientStore(new FaultyStore(behind, plan::get), Duration.ofSeconds(2));
        // The worker reaches the store; the coordinator's way to it goes out for a minute once the worker takes t2,
        // which the coordinator hands out only after it read t0's result.
        List<FakeWorker> workers = List.of(new FakeWorker("w0", behind, "r", t -> {
            if (t.equals("t2")) {
                plan.set(FaultPlan.NONE.withOutageFor(Duration.ofMinutes(1)));
            }
            return false;
        }));
        List<Task> tasks = IntStream.range(0, 5)
                .mapToObj(i ->
                        new Task("t" + i, List.of(new Unit("C" + i, "C" + i, List.of("[class:C" + i + "]"), 1)), 6 - i))
                .toList();
        Coordinator coordinator = new Coordinator(
                store,
                "r",
                List.<WorkerHandle>copyOf(workers),
                new CoordinatorListener() {},
                FAST,
                Replacements.NONE,
                store.uptimeClock());
        long start = System.nanoTime();

        Coordinator.Outcome outcome = coordinator.run(tasks);

        assertThat(outcome.storeOutage()).contains("unreachable for 2 s").contains("-Dcloudist.storeOutageSeconds");
        assertThat(outcome.results()).containsKey("t0");
        assertThat(outcome.abandoned()).extracting(a -> a.task().id()).contains("t3", "t4");
        assertThat(outcome.abandoned()).allSatisfy(a -> assertThat(a.reason()).contains(outcome.storeOutage()));
        Set<String> accounted = new HashSet<>(outcome.results().keySet());
        outcome.abandoned()
                .forEach(a -> assertThat(accounted.add(a.task().id()))
                        .as(a.task().id())
                        .isTrue());
        assertThat(accounted).hasSize(5);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("one wait for the outage; telling the workers to stop fails at once")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(workers).noneMatch(FakeWorker::isAlive);
    }
}
