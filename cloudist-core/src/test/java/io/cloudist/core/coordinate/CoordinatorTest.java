package io.cloudist.core.coordinate;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.plan.Task;
import io.cloudist.core.plan.Unit;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.store.LocalDirectoryStore;
import io.cloudist.core.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoordinatorTest {
    private static final CoordinatorSettings FAST =
            new CoordinatorSettings(Duration.ofMillis(5), Duration.ofSeconds(30), Duration.ofSeconds(30), 2);

    @TempDir
    Path temp;

    private static List<Task> tasks(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> new Task("t" + i,
                        List.of(new Unit("C" + i, "C" + i, List.of("[engine:e]/[class:C" + i + "]"), 1)), n - i))
                .toList();
    }

    private Coordinator.Outcome run(Store store, List<? extends WorkerHandle> workers, List<Task> tasks) {
        List<String> lost = new ArrayList<>();
        Coordinator coordinator = new Coordinator(store, "r", List.copyOf(workers), new CoordinatorListener() {
            @Override
            public void workerLost(WorkerHandle worker, String reason) {
                lost.add(worker.id());
            }
        }, FAST, Clock.systemUTC());
        return coordinator.run(tasks);
    }

    @Test
    void everyTaskGetsExactlyOneResultAcrossWorkers() {
        Store store = new LocalDirectoryStore(temp);
        List<FakeWorker> workers = List.of(
                new FakeWorker("w0", store, "r", t -> false), new FakeWorker("w1", store, "r", t -> false));
        Coordinator.Outcome outcome = run(store, workers, tasks(20));
        assertThat(outcome.results()).hasSize(20);
        assertThat(outcome.abandoned()).isEmpty();
        assertThat(workers.get(0).ranTasks).isNotEmpty();
        assertThat(workers.get(1).ranTasks).isNotEmpty();
        assertThat(workers.stream().mapToInt(w -> w.ranTasks.size()).sum()).isEqualTo(20);
    }

    @Test
    void theTasksOfALostWorkerRunElsewhere() {
        Store store = new LocalDirectoryStore(temp);
        List<FakeWorker> workers = List.of(
                new FakeWorker("w0", store, "r", t -> t.equals("t0")), new FakeWorker("w1", store, "r", t -> false));
        // t0, the longest task, goes to the first worker first; w0 dies on it.
        Coordinator.Outcome outcome = run(store, workers, tasks(10));
        assertThat(outcome.results()).hasSize(10).containsKey("t0");
        assertThat(outcome.results().get("t0").workerId()).isEqualTo("w1");
        assertThat(outcome.results().get("t0").attempt()).isEqualTo(2);
        assertThat(outcome.abandoned()).isEmpty();
    }

    @Test
    void aTaskThatTakesDownTwoWorkersIsAbandonedNotTriedAThirdTime() {
        Store store = new LocalDirectoryStore(temp);
        List<FakeWorker> workers = List.of(
                new FakeWorker("w0", store, "r", t -> t.equals("t0")),
                new FakeWorker("w1", store, "r", t -> t.equals("t0")),
                new FakeWorker("w2", store, "r", t -> t.equals("t0")));
        // Whichever two workers get t0 die on it; the third is never given it and runs the rest.
        Coordinator.Outcome outcome = run(store, workers, tasks(6));
        assertThat(outcome.abandoned()).extracting(a -> a.task().id()).containsExactly("t0");
        assertThat(outcome.abandoned().get(0).reason()).contains("took down 2 workers");
        assertThat(outcome.results()).hasSize(5).doesNotContainKey("t0");
    }

    @Test
    void whenEveryWorkerIsLostTheRemainingTasksAreAbandonedInsteadOfWaitingForever() {
        Store store = new LocalDirectoryStore(temp);
        List<FakeWorker> workers = List.of(new FakeWorker("w0", store, "r", t -> true));
        Coordinator.Outcome outcome = run(store, workers, tasks(3));
        assertThat(outcome.results()).isEmpty();
        assertThat(outcome.abandoned()).hasSize(3);
    }
}
