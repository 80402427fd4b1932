package io.cloudist.core.coordinate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudist.core.plan.Task;
import io.cloudist.core.plan.Unit;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.store.FaultPlan;
import io.cloudist.core.store.FaultyStore;
import io.cloudist.core.store.LocalDirectoryStore;
import io.cloudist.core.store.ResilientStore;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreOutageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A coordinator whose store stays out for longer than its budget stops the run, without waiting twice. */
class CoordinatorOutageTest {
    private static final CoordinatorSettings FAST =
            new CoordinatorSettings(Duration.ofMillis(5), Duration.ofSeconds(30), Duration.ofSeconds(30), 2);

    @TempDir
    Path temp;

    @Test
    void anOutageBeyondTheBudgetStopsTheRunAndTerminatesTheWorkersAtOnce() {
        Store behind = new LocalDirectoryStore(temp);
        AtomicReference<FaultPlan> plan = new AtomicReference<>(FaultPlan.NONE);
        ResilientStore store = new ResilientStore(new FaultyStore(behind, plan::get), Duration.ofSeconds(2));
        // The workers reach the store; the coordinator's way to it goes out for a minute once a worker takes t0.
        List<FakeWorker> workers = IntStream.range(0, 3)
                .mapToObj(i -> new FakeWorker("w" + i, behind, "r", t -> {
                    if (t.equals("t0")) {
                        plan.set(FaultPlan.NONE.withOutageFor(Duration.ofMinutes(1)));
                    }
                    return false;
                }))
                .toList();
        List<Task> tasks = IntStream.range(0, 6)
                .mapToObj(i -> new Task("t" + i, List.of(new Unit("C" + i, "C" + i, List.of("[class:C" + i + "]"), 1)),
                        6 - i))
                .toList();
        Coordinator coordinator = new Coordinator(
                store, "r", List.<WorkerHandle>copyOf(workers), new CoordinatorListener() {}, FAST, Replacements.NONE,
                store.uptimeClock());
        long start = System.nanoTime();

        StoreOutageException e = catchThrowableOfType(StoreOutageException.class, () -> coordinator.run(tasks));

        assertThat(e).hasMessageContaining("unreachable for 2 s").hasMessageContaining("-Dcloudist.storeOutageSeconds");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("one wait for the outage; telling the workers to stop fails at once")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(workers).noneMatch(FakeWorker::isAlive);
    }
}
