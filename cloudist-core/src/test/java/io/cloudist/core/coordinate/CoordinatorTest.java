package io.cloudist.core.coordinate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudist.core.plan.Task;
import io.cloudist.core.plan.Unit;
import io.cloudist.core.protocol.Assignment;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.store.LocalDirectoryStore;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
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
                .mapToObj(i -> new Task(
                        "t" + i,
                        List.of(new Unit("C" + i, "C" + i, List.of("[engine:e]/[class:C" + i + "]"), 1)),
                        n - i))
                .toList();
    }

    private final List<String> lost = new ArrayList<>();
    private final List<String> replaced = new ArrayList<>();

    private Coordinator.Outcome run(Store store, List<? extends WorkerHandle> workers, List<Task> tasks) {
        return run(store, workers, tasks, Replacements.NONE);
    }

    private Coordinator.Outcome run(
            Store store, List<? extends WorkerHandle> workers, List<Task> tasks, Replacements replacements) {
        Coordinator coordinator = new Coordinator(
                store,
                "r",
                List.copyOf(workers),
                new CoordinatorListener() {
                    @Override
                    public void workerLost(WorkerHandle worker, String reason) {
                        lost.add(worker.id() + ": " + reason);
                    }

                    @Override
                    public void workerReplaced(WorkerHandle worker, int count, int max) {
                        replaced.add(worker.id() + " " + count + "/" + max);
                    }
                },
                FAST,
                replacements,
                Clock.systemUTC());
        return coordinator.run(tasks);
    }

    @Test
    void afterSkipAfterFailureCountFailedTestsTheTasksNotHandedOutAreSkipped() {
        Store store = new LocalDirectoryStore(temp);
        FakeWorker worker = FakeWorker.failing("w0", store, "r", 20, t -> t.equals("t0"));
        Coordinator coordinator = new Coordinator(
                store,
                "r",
                List.of(worker),
                new CoordinatorListener() {},
                FAST,
                Replacements.NONE,
                Clock.systemUTC(),
                1);

        Coordinator.Outcome outcome = coordinator.run(tasks(10));

        // t0 fails; t1 was already queued on the worker and runs; the rest are skipped.
        assertThat(outcome.results()).containsOnlyKeys("t0", "t1");
        assertThat(outcome.abandoned()).hasSize(8).allSatisfy(a -> {
            assertThat(a.skipped()).isTrue();
            assertThat(a.reason()).isEqualTo("skipped after 1 failed test (skipAfterFailureCount: 1)");
        });
        assertThat(worker.ranTasks).containsExactly("t0", "t1");
    }

    @Test
    void anAssignmentCarriesItsTasksExpectedTimeOnlyWhenTheHistoryMeasuredIt() {
        Store store = new LocalDirectoryStore(temp);
        Unit unit = new Unit("C", "C", List.of("[engine:e]/[class:C]"), 1);
        List<Task> tasks = List.of(new Task("t0", List.of(unit), 42, true), new Task("t1", List.of(unit), 7, false));

        run(store, List.of(new FakeWorker("w0", store, "r", t -> false)), tasks);

        assertThat(IntStream.range(0, 2)
                        .mapToObj(seq -> Documents.read(
                                store.get(StoreKeys.assignment("r", "w0", seq)).orElseThrow(), Assignment.class)))
                .extracting(Assignment::taskId, Assignment::expectedSeconds)
                .containsExactlyInAnyOrder(tuple("t0", 42.0), tuple("t1", 0.0));
    }

    @Test
    void ofTheTasksHandedOutTogetherEachWorkerTakesOneOfTheModuleItRanLast() {
        Store store = new LocalDirectoryStore(temp);
        List<Task> tasks = new ArrayList<>();
        List<String> modules = List.of("g:a", "g:b", "g:b", "g:a");
        for (int i = 0; i < modules.size(); i++) {
            Unit unit = new Unit("C" + i, "C" + i, List.of("[engine:e]/[class:C" + i + "]"), 1, modules.get(i));
            tasks.add(new Task("t" + i, List.of(unit), 10 - i));
        }
        List<FakeWorker> workers =
                List.of(FakeWorker.slow("w0", store, "r", 300), FakeWorker.slow("w1", store, "r", 300));

        Coordinator.Outcome outcome = run(store, workers, tasks);

        assertThat(outcome.results()).hasSize(4);
        // Longest first, one each: w0 takes t0 (g:a), w1 t1 (g:b). Of the next two, which go out together, each takes
        // its own module's instead of the queue's order, which would have switched both.
        for (String worker : List.of("w0", "w1")) {
            assertThat(IntStream.range(0, 2)
                            .mapToObj(seq -> Documents.read(
                                            store.get(StoreKeys.assignment("r", worker, seq))
                                                    .orElseThrow(),
                                            Assignment.class)
                                    .module())
                            .distinct())
                    .as(worker + " stays on one module")
                    .hasSize(1);
        }
    }

    private static Task task(int i, String module, double seconds) {
        Unit unit = new Unit("C" + i, "C" + i, List.of("[engine:e]/[class:C" + i + "]"), 1, module);
        return new Task("t" + i, List.of(unit), seconds);
    }

    private static String moduleOf(Store store, String worker, int seq) {
        return Documents.read(store.get(StoreKeys.assignment("r", worker, seq)).orElseThrow(), Assignment.class)
                .module();
    }

    @Test
    void aWorkersFirstTaskIsOfTheModuleItWarmsAtBootWhenTheRoundHandsOneOut() {
        Store store = new LocalDirectoryStore(temp);
        List<FakeWorker> workers =
                List.of(new FakeWorker("w0", store, "r", t -> false), new FakeWorker("w1", store, "r", t -> false));
        Coordinator coordinator = new Coordinator(
                        store,
                        "r",
                        List.copyOf(workers),
                        new CoordinatorListener() {},
                        FAST,
                        Replacements.NONE,
                        Clock.systemUTC())
                .warmingAtBoot("g:b");

        // The first round hands both out, one to each worker: which gets which costs nothing. In the queue's order w0
        // would take t0, of a module it has no test JVM for.
        coordinator.run(List.of(task(0, "g:a", 10), task(1, "g:b", 10)));

        assertThat(moduleOf(store, "w0", 0)).isEqualTo("g:b");
        assertThat(moduleOf(store, "w1", 0)).isEqualTo("g:a");
    }

    @Test
    void aWorkerTakesATaskNearlyAsLongAsTheHeadOfEitherModuleItKeepsWarm() {
        Store store = new LocalDirectoryStore(temp);
        FakeWorker worker = new FakeWorker("w0", store, "r", t -> false);

        // The first poll hands out t0 and t1 (g:a, then g:b; t3 is far shorter than t1). Then t3, of g:a, which the
        // worker ran two tasks before and still keeps warm, is nearly as long as t2, of a third module.
        run(
                store,
                List.of(worker),
                List.of(task(0, "g:a", 20), task(1, "g:b", 19), task(2, "g:c", 10), task(3, "g:a", 9.5)));

        assertThat(worker.ranTasks).containsExactly("t0", "t1", "t3", "t2");
        assertThat(moduleOf(store, "w0", 2)).isEqualTo("g:a");
    }

    @Test
    void ofTasksOfAboutTheSameLengthEachWorkerRunsOneModulesInsteadOfTakingThemInTheQueuesOrder() {
        Store store = new LocalDirectoryStore(temp);
        List<FakeWorker> workers =
                List.of(FakeWorker.slow("w0", store, "r", 100), FakeWorker.slow("w1", store, "r", 100));

        // In the queue's order each worker would run a task of a, then one of b, and start two test JVMs.
        run(store, workers, List.of(task(0, "g:a", 10), task(1, "g:a", 10), task(2, "g:b", 10), task(3, "g:b", 10)));

        assertThat(List.of(moduleOf(store, "w0", 0), moduleOf(store, "w0", 1))).containsExactly("g:a", "g:a");
        assertThat(List.of(moduleOf(store, "w1", 0), moduleOf(store, "w1", 1))).containsExactly("g:b", "g:b");
    }

    @Test
    void aWorkerDoesNotPutOffTheHeadOfTheQueueForAShorterTaskOfAWarmModule() {
        Store store = new LocalDirectoryStore(temp);
        FakeWorker worker = new FakeWorker("w0", store, "r", t -> false);

        run(
                store,
                List.of(worker),
                List.of(task(0, "g:a", 20), task(1, "g:b", 19), task(2, "g:c", 10), task(3, "g:a", 8)));

        assertThat(worker.ranTasks).containsExactly("t0", "t1", "t2", "t3");
    }

    @Test
    void everyTaskGetsExactlyOneResultAcrossWorkers() {
        Store store = new LocalDirectoryStore(temp);
        List<FakeWorker> workers =
                List.of(new FakeWorker("w0", store, "r", t -> false), new FakeWorker("w1", store, "r", t -> false));
        Coordinator.Outcome outcome = run(store, workers, tasks(20));
        assertThat(outcome.results()).hasSize(20);
        assertThat(outcome.abandoned()).isEmpty();
        assertThat(workers.get(0).ranTasks).isNotEmpty();
        assertThat(workers.get(1).ranTasks).isNotEmpty();
        // At least once: an idle worker may take a queued task in the moment its busy worker starts it.
        assertThat(workers.stream().flatMap(w -> w.ranTasks.stream()).distinct())
                .hasSize(20);
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

    /** Up to three replacements that pass every test, added to {@code started} as they start. */
    private static Replacements healthyReplacements(Store store, List<FakeWorker> started) {
        return new Replacements(3, n -> {
            FakeWorker w = new FakeWorker("r" + started.size(), store, "r", t -> false);
            started.add(w);
            return List.of(w);
        });
    }

    @Test
    void aLostWorkerIsReplacedAndTheReplacementRunsWhatIsLeft() {
        Store store = new LocalDirectoryStore(temp);
        List<FakeWorker> started = new ArrayList<>();
        Replacements replacements = healthyReplacements(store, started);
        // The only worker dies on its first task; only a replacement can finish the run.
        Coordinator.Outcome outcome =
                run(store, List.of(new FakeWorker("w0", store, "r", t -> t.equals("t0"))), tasks(5), replacements);
        assertThat(outcome.results()).hasSize(5);
        assertThat(outcome.abandoned()).isEmpty();
        assertThat(started).hasSize(1);
        assertThat(started.get(0).ranTasks).hasSize(5);
        assertThat(replaced).containsExactly("r0 1/3");
    }

    @Test
    void whenTheBuildIsStoppedTheWorkersTerminatedUnderTheRunAreNotLostNorReplaced() {
        Store store = new LocalDirectoryStore(temp);
        List<FakeWorker> started = new ArrayList<>();
        Replacements replacements = healthyReplacements(store, started);
        // Ctrl-C: the shutdown hook says the run is aborting and terminates the worker as it takes its first task.
        AtomicBoolean aborting = new AtomicBoolean();
        FakeWorker worker = new FakeWorker("w0", store, "r", t -> {
            aborting.set(true);
            return true;
        });
        List<String> lost = new ArrayList<>();
        Coordinator coordinator = new Coordinator(
                        store,
                        "r",
                        List.of(worker),
                        new CoordinatorListener() {
                            @Override
                            public void workerLost(WorkerHandle w, String reason) {
                                lost.add(w.id() + ": " + reason);
                            }
                        },
                        FAST,
                        replacements,
                        Clock.systemUTC())
                .abortingWhen(aborting::get);

        assertThatThrownBy(() -> coordinator.run(tasks(3))).hasMessage("The run was stopped");
        assertThat(lost).isEmpty();
        assertThat(started).isEmpty();
    }

    @Test
    void replacementsStopAtTheBudgetAndThenTheRestIsAbandonedWithTheReason() {
        Store store = new LocalDirectoryStore(temp);
        List<FakeWorker> started = new ArrayList<>();
        Replacements replacements = new Replacements(2, n -> {
            FakeWorker w = new FakeWorker("r" + started.size(), store, "r", t -> true);
            started.add(w);
            return List.of(w);
        });
        Coordinator.Outcome outcome =
                run(store, List.of(new FakeWorker("w0", store, "r", t -> true)), tasks(4), replacements);
        assertThat(started).hasSize(2);
        assertThat(outcome.results()).isEmpty();
        assertThat(outcome.abandoned()).hasSize(4);
        assertThat(outcome.abandoned())
                .extracting(Abandoned::reason)
                .anySatisfy(r -> assertThat(r).contains("2 of at most 2 replacements"));
    }

    @Test
    void anEvictedWorkersTasksAreRequeuedAtOnceWithoutBlamingThemAndItsLateResultsAreIgnored() {
        Store store = new LocalDirectoryStore(temp);
        CoordinatorSettings slowTimeout =
                new CoordinatorSettings(Duration.ofMillis(5), Duration.ofSeconds(10), Duration.ofSeconds(30), 2);
        // Two workers are evicted in turn while holding t0: an eviction is not the task's fault, so t0 still runs.
        List<FakeWorker> workers = List.of(
                new FakeWorker("w0", store, "r", t -> false, t -> t.equals("t0")),
                new FakeWorker("w1", store, "r", t -> false, t -> t.equals("t0")),
                new FakeWorker("w2", store, "r", t -> false));
        long start = System.nanoTime();
        Coordinator coordinator = new Coordinator(
                store,
                "r",
                List.copyOf(workers),
                new CoordinatorListener() {
                    @Override
                    public void workerLost(WorkerHandle worker, String reason) {
                        lost.add(worker.id() + ": " + reason);
                    }
                },
                slowTimeout,
                Replacements.NONE,
                Clock.systemUTC());
        Coordinator.Outcome outcome = coordinator.run(tasks(6));
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();

        assertThat(outcome.abandoned()).isEmpty();
        assertThat(outcome.results()).hasSize(6);
        assertThat(outcome.results().get("t0").workerId()).isEqualTo("w2");
        assertThat(outcome.results().get("t0").attempt()).isEqualTo(1);
        assertThat(lost).anySatisfy(l -> assertThat(l).contains("evicted").contains("spot interruption notice"));
        // The fake workers never beat before their eviction, so without it each would count as lost only after the
        // 30 s boot timeout; an eviction is seen at the next heartbeat read, within a second.
        assertThat(seconds).isLessThan(25);
    }

    @Test
    void anIdleWorkerTakesTheQueuedTaskOfABusyOneAndTheBusyOneSkipsIt() {
        Store store = new LocalDirectoryStore(temp);
        FakeWorker busy = FakeWorker.slow("w0", store, "r", 2_000);
        FakeWorker quick = new FakeWorker("w1", store, "r", t -> false);
        List<String> moves = new ArrayList<>();
        // Four tasks for two workers: each gets a running and a queued one; the quick worker is soon idle.
        Coordinator coordinator = new Coordinator(
                store,
                "r",
                List.of(busy, quick),
                new CoordinatorListener() {
                    @Override
                    public void taskMoved(Task task, WorkerHandle from, WorkerHandle to) {
                        moves.add(task.id() + " " + from.id() + "->" + to.id());
                    }
                },
                FAST,
                Replacements.NONE,
                Clock.systemUTC());

        Coordinator.Outcome outcome = coordinator.run(tasks(4));

        assertThat(outcome.results()).hasSize(4);
        assertThat(moves).containsExactly("t2 w0->w1");
        assertThat(outcome.results().get("t2").workerId()).isEqualTo("w1");
        assertThat(busy.ranTasks).containsExactly("t0");
    }

    private static Task weighed(int i, double seconds, double cpuShare) {
        Unit unit = new Unit("C" + i, "C" + i, List.of("[engine:e]/[class:C" + i + "]"), 1);
        return new Task("t" + i, List.of(unit), seconds, true, cpuShare);
    }

    private String firstTaskOfTheThirdWorker(Path dir, int sharedCores) {
        Store store = new LocalDirectoryStore(dir);
        List<FakeWorker> workers = List.of(
                FakeWorker.slow("w0", store, "r", 50),
                FakeWorker.slow("w1", store, "r", 50),
                FakeWorker.slow("w2", store, "r", 50));
        new Coordinator(
                        store,
                        "r",
                        List.copyOf(workers),
                        new CoordinatorListener() {},
                        FAST,
                        Replacements.NONE,
                        Clock.systemUTC())
                .sharingCores(sharedCores)
                .run(List.of(weighed(0, 10, 1.0), weighed(1, 9.8, 1.0), weighed(2, 9.6, 1.0), weighed(3, 9.5, 0.02)));
        return Documents.read(store.get(StoreKeys.assignment("r", "w2", 0)).orElseThrow(), Assignment.class)
                .taskId();
    }

    @Test
    void threeWorkersOnTwoCoresDoNotRunThreeClassesThatComputeWhenOneThatWaitsIsNearlyAsLong() {
        assertThat(firstTaskOfTheThirdWorker(temp.resolve("two-cores"), 2))
                .as("two tasks that compute keep both cores busy")
                .isEqualTo("t3");
        assertThat(firstTaskOfTheThirdWorker(temp.resolve("cores-of-their-own"), 0))
                .as("workers with cores of their own take the queue's order")
                .isEqualTo("t2");
    }
}
