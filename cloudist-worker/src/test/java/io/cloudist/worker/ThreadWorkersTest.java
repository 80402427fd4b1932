package io.cloudist.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.coordinate.Coordinator;
import io.cloudist.core.coordinate.CoordinatorListener;
import io.cloudist.core.coordinate.CoordinatorSettings;
import io.cloudist.core.coordinate.Replacements;
import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestResult;
import io.cloudist.core.plan.Task;
import io.cloudist.core.plan.Unit;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.Heartbeat;
import io.cloudist.core.provision.InPlace;
import io.cloudist.core.provision.LocalProvisioner;
import io.cloudist.core.provision.LocalWorkers;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.provision.WorkerLaunch;
import io.cloudist.core.store.LocalDirectoryStore;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real worker agents on threads of this JVM ({@link LocalWorkers#THREAD}), started by the local provisioner and run
 * by the real coordinator, with real test JVMs: every test is reported once, each agent logs to its own file, and an
 * agent whose thread ends — because it failed, or because it was terminated as the coordinator terminates a lost
 * worker — counts as lost, its tasks run on a replacement, and none of its test JVMs is left.
 */
@Timeout(180)
class ThreadWorkersTest {
    private static final String RUN = "r-threads";
    private static final String PACED = "[engine:junit-jupiter]/[class:io.cloudist.worker.fixtures.PacedFixture]";
    private static final String CALCULATOR =
            "[engine:junit-jupiter]/[class:io.cloudist.worker.fixtures.CalculatorFixture]";
    private static final CoordinatorSettings SETTINGS =
            new CoordinatorSettings(Duration.ofMillis(20), Duration.ofSeconds(60), Duration.ofSeconds(60), 2);

    @TempDir
    Path temp;

    private final List<String> lost = new CopyOnWriteArrayList<>();
    private final List<String> replaced = new CopyOnWriteArrayList<>();

    @Test
    void agentsOnThreadsRunEveryTestOnceAndEachWritesItsOwnLog() throws Exception {
        Store store = store();
        List<Task> tasks = List.of(
                task(1, PACED, "step1", "step2"),
                task(2, CALCULATOR, "adds", "failsAnAssertion", "throwsAnException"),
                task(3, PACED, "step3"));

        Coordinator.Outcome outcome;
        try (LocalProvisioner provisioner = provisioner()) {
            outcome = coordinator(store, provisioner, 2, Replacements.NONE).run(tasks);
        }

        assertThat(lost).isEmpty();
        assertThat(statuses(outcome))
                .containsOnlyKeys("step1", "step2", "step3", "adds", "failsAnAssertion", "throwsAnException")
                .containsEntry("step1", List.of(Status.PASSED))
                .containsEntry("adds", List.of(Status.PASSED))
                .containsEntry("failsAnAssertion", List.of(Status.FAILED))
                .containsEntry("throwsAnException", List.of(Status.ERROR));
        String w0 = Files.readString(workers().resolve("w0.log"));
        String w1 = Files.readString(workers().resolve("w1.log"));
        assertThat(w0).contains("Worker w0 started on a thread", "Working for run " + RUN, "Started test JVM 1");
        assertThat(w1).contains("Worker w1 started on a thread", "Working for run " + RUN, "Started test JVM 1");
        assertThat(w0).doesNotContain("Worker w1", "[cloudist-worker-w1]");
        assertThat(w1).doesNotContain("Worker w0", "[cloudist-worker-w0]");
        assertNoProcessIsLeft();
    }

    @Test
    void anAgentWhoseThreadFailsIsLostAndItsTasksRunOnAReplacement() throws Exception {
        Store store = store();
        // w0 cannot make its run directory: its agent fails as it starts, and its thread ends.
        Files.createDirectories(workers().resolve("w0"));
        Files.writeString(workers().resolve("w0").resolve("run-" + RUN), "in the way");
        List<Task> tasks = List.of(
                task(1, PACED, "step1"), task(2, PACED, "step2"), task(3, CALCULATOR, "adds"), task(4, PACED, "step3"));

        Coordinator.Outcome outcome;
        try (LocalProvisioner provisioner = provisioner()) {
            outcome = coordinator(store, provisioner, 2, new Replacements(2, n -> start(provisioner, store, n)))
                    .run(tasks);
        }

        assertThat(lost).singleElement().asString().startsWith("w0: it stopped");
        assertThat(replaced).containsExactly("w2");
        assertThat(outcome.abandoned()).isEmpty();
        assertThat(statuses(outcome))
                .containsOnlyKeys("step1", "step2", "step3", "adds")
                .allSatisfy((test, runs) -> assertThat(runs).containsExactly(Status.PASSED));
        assertThat(Files.readString(workers().resolve("w0.log"))).contains("The worker failed");
        assertNoProcessIsLeft();
    }

    @Test
    void aTerminatedAgentLeavesItsTaskAtOnceWithItsTestJvmAndTheTaskRunsOnAReplacement() throws Exception {
        Store store = store();
        List<Task> tasks = List.of(
                task(1, PACED, "step1", "step2", "step3", "step4", "step5", "step6"), task(2, CALCULATOR, "adds"));

        Coordinator.Outcome outcome;
        String terminated;
        try (LocalProvisioner provisioner = provisioner()) {
            List<WorkerHandle> handles = start(provisioner, store, 2);
            CompletableFuture<Coordinator.Outcome> run = CompletableFuture.supplyAsync(() -> new Coordinator(
                            store,
                            RUN,
                            handles,
                            listener(),
                            SETTINGS,
                            new Replacements(2, n -> start(provisioner, store, n)),
                            java.time.Clock.systemUTC())
                    .run(tasks));
            WorkerHandle pacing = awaitWorkerRunning(store, handles, "step");
            terminated = pacing.id();
            pacing.terminate(); // as the coordinator terminates a worker whose heartbeat lapsed
            outcome = run.get();
        }

        assertThat(lost).singleElement().asString().startsWith(terminated + ": it stopped");
        assertThat(replaced).hasSize(1);
        assertThat(statuses(outcome))
                .containsOnlyKeys("step1", "step2", "step3", "step4", "step5", "step6", "adds")
                .allSatisfy((test, runs) -> assertThat(runs).containsExactly(Status.PASSED));
        assertThat(outcome.results().values())
                .anySatisfy(r -> assertThat(r.attempt()).isEqualTo(2));
        assertThat(Files.readString(workers().resolve(terminated + ".log"))).contains("Terminated");
        assertNoProcessIsLeft();
    }

    private Store store() throws Exception {
        Store store = new LocalDirectoryStore(temp.resolve("store"));
        ShippedRun.publish(store, RUN, ShippedRun.module("", List.of(), List.of()));
        return store;
    }

    private Path workers() {
        return temp.resolve("workers");
    }

    /** Workers on threads of this JVM, running the tests in place on this test classpath. */
    private LocalProvisioner provisioner() throws Exception {
        List<Path> classpath = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .toList();
        Path module = Files.createDirectories(temp.resolve("module"));
        return new LocalProvisioner(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                classpath,
                workers(),
                InPlace.of(module, classpath),
                LocalWorkers.THREAD);
    }

    private static List<WorkerHandle> start(LocalProvisioner provisioner, Store store, int workers) {
        return provisioner.start(new WorkerLaunch(store.location(), RUN, workers, List.of(), 5));
    }

    private Coordinator coordinator(Store store, LocalProvisioner provisioner, int workers, Replacements replacements) {
        return new Coordinator(
                store,
                RUN,
                start(provisioner, store, workers),
                listener(),
                SETTINGS,
                replacements,
                java.time.Clock.systemUTC());
    }

    private CoordinatorListener listener() {
        return new CoordinatorListener() {
            @Override
            public void workerLost(WorkerHandle worker, String reason) {
                lost.add(worker.id() + ": " + reason);
            }

            @Override
            public void workerReplaced(WorkerHandle worker, int replacements, int max) {
                replaced.add(worker.id());
            }
        };
    }

    /** The worker whose heartbeat says it is running a test whose name contains {@code test}. */
    private static WorkerHandle awaitWorkerRunning(Store store, List<WorkerHandle> handles, String test)
            throws InterruptedException {
        while (true) {
            for (WorkerHandle handle : handles) {
                Optional<Heartbeat> beat = store.get(StoreKeys.heartbeat(RUN, handle.id()))
                        .map(raw -> Documents.read(raw, Heartbeat.class));
                if (beat.isPresent() && beat.get().currentTest().contains(test)) {
                    return handle;
                }
            }
            Thread.sleep(50);
        }
    }

    private static Task task(int n, String classId, String... methods) {
        List<String> ids = Arrays.stream(methods)
                .map(m -> classId + "/[method:" + m + "()]")
                .toList();
        return new Task("t" + n, List.of(new Unit(classId, classId, ids, ids.size())), ids.size());
    }

    /** Each test's outcomes, in the order they were reported. */
    private static Map<String, List<Status>> statuses(Coordinator.Outcome outcome) {
        List<TestResult> results = new ArrayList<>();
        outcome.results().values().forEach(r -> results.addAll(r.results()));
        return results.stream()
                .filter(r -> r.node().kind().isTest())
                .collect(Collectors.groupingBy(
                        r -> r.node().methodName(), Collectors.mapping(TestResult::status, Collectors.toList())));
    }

    private static void assertNoProcessIsLeft() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")))
                .isEmpty();
    }
}
