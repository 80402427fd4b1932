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
import io.cloudist.core.provision.LocalProvisioner;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.provision.WorkerLaunch;
import io.cloudist.core.ship.BundleShipper;
import io.cloudist.core.ship.Shipment;
import io.cloudist.core.store.FaultPlan;
import io.cloudist.core.store.FaultyStore;
import io.cloudist.core.store.LocalDirectoryStore;
import io.cloudist.core.store.ResilientStore;
import io.cloudist.core.store.StoreKeys;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A coordinator and two real worker processes on a {@code faulty:} store: a 30-second outage while tests run, then
 * 5xx answers to a fifth of the calls and 200 ms of latency on every call. The run goes on, every test ends with
 * exactly one outcome, and no process is left.
 */
@Timeout(240)
class StoreOutageTest {
    private static final String RUN = "r-outage";
    private static final String PACED = "[engine:junit-jupiter]/[class:io.cloudist.worker.fixtures.PacedFixture]";
    private static final String CALCULATOR =
            "[engine:junit-jupiter]/[class:io.cloudist.worker.fixtures.CalculatorFixture]";
    /** Shorter than the outage: without the uptime clock the coordinator would count both workers lost. */
    private static final CoordinatorSettings SETTINGS =
            new CoordinatorSettings(Duration.ofMillis(20), Duration.ofSeconds(15), Duration.ofSeconds(60), 2);

    @TempDir
    Path temp;

    private static Task task(int n, String classId, List<String> methods) {
        List<String> ids =
                methods.stream().map(m -> classId + "/[method:" + m + "()]").toList();
        return new Task("t" + n, List.of(new Unit(classId, classId, ids, ids.size())), ids.size());
    }

    @Test
    void aRunRidesOutAThirtySecondOutageAndAFlakyStoreWithEveryTestReportedOnce() throws Exception {
        Path storeDirectory = Files.createDirectories(temp.resolve("store"));
        FaultyStore faulty = FaultyStore.overDirectory(storeDirectory);
        ResilientStore store = new ResilientStore(faulty, Duration.ofSeconds(120));
        List<Path> classpath = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .toList();
        Shipment shipment = new BundleShipper(
                        store, Files.createDirectories(temp.resolve("module")), temp.resolve("ship"))
                .ship(classpath, List.of());
        ShippedRun.publish(store, RUN, ShippedRun.module(shipment));
        List<Task> tasks = new ArrayList<>();
        IntStream.rangeClosed(1, 8).forEach(i -> tasks.add(task(i, PACED, List.of("step" + i))));
        tasks.add(task(9, CALCULATOR, List.of("adds", "failsAnAssertion", "throwsAnException")));
        List<String> lost = new CopyOnWriteArrayList<>();
        Thread faults = new Thread(() -> injectFaultsOnceATaskIsDone(storeDirectory), "faults");
        faults.setDaemon(true);
        faults.start();
        long start = System.nanoTime();

        Coordinator.Outcome outcome;
        try (LocalProvisioner provisioner = new LocalProvisioner(
                Path.of(System.getProperty("java.home"), "bin", "java"), classpath, temp.resolve("workers"))) {
            List<WorkerHandle> handles = provisioner.start(new WorkerLaunch(store.location(), RUN, 2, List.of(), 120));
            outcome = new Coordinator(
                            store,
                            RUN,
                            handles,
                            new CoordinatorListener() {
                                @Override
                                public void workerLost(WorkerHandle worker, String reason) {
                                    lost.add(worker.id() + ": " + reason);
                                }
                            },
                            SETTINGS,
                            Replacements.NONE,
                            store.uptimeClock())
                    .run(tasks);
        }

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(30));
        assertThat(faulty.injectedFailures())
                .as("the coordinator met the faults too")
                .isGreaterThan(10);
        assertThat(store.usage()).contains("unreachable for").contains("outage");
        assertThat(lost).isEmpty();
        assertThat(outcome.abandoned()).isEmpty();
        Map<String, List<TestResult>> byTest = outcome.results().values().stream()
                .flatMap(r -> r.results().stream())
                .filter(r -> r.node().kind().isTest())
                .collect(Collectors.groupingBy(r -> r.node().methodName()));
        assertThat(byTest.keySet())
                .containsExactlyInAnyOrder(
                        "step1",
                        "step2",
                        "step3",
                        "step4",
                        "step5",
                        "step6",
                        "step7",
                        "step8",
                        "adds",
                        "failsAnAssertion",
                        "throwsAnException");
        assertThat(byTest.values()).allSatisfy(results -> assertThat(results).hasSize(1));
        Map<String, Status> status = byTest.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, e -> e.getValue().get(0).status()));
        assertThat(status)
                .containsEntry("step1", Status.PASSED)
                .containsEntry("step8", Status.PASSED)
                .containsEntry("adds", Status.PASSED)
                .containsEntry("failsAnAssertion", Status.FAILED)
                .containsEntry("throwsAnException", Status.ERROR);
        assertThat(status.values().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
                .containsEntry(Status.PASSED, 9L);
        assertNoProcessIsLeft();
    }

    /** Once the first result is in, the store goes out for 30 s, then fails a fifth of the calls, each 200 ms late. */
    private static void injectFaultsOnceATaskIsDone(Path storeDirectory) {
        LocalDirectoryStore behindTheFaults = new LocalDirectoryStore(storeDirectory);
        try {
            while (behindTheFaults.list(StoreKeys.run(RUN)).stream().noneMatch(k -> k.contains("/out/"))) {
                Thread.sleep(20);
            }
            FaultPlan.write(
                    storeDirectory,
                    FaultPlan.NONE
                            .withFailureRate(0.2)
                            .withLatency(Duration.ofMillis(200))
                            .withOutageFor(Duration.ofSeconds(30)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
