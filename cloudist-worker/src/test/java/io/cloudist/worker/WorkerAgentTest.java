package io.cloudist.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestResult;
import io.cloudist.core.protocol.Assignment;
import io.cloudist.core.protocol.BootSteps;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.Heartbeat;
import io.cloudist.core.protocol.TaskResult;
import io.cloudist.core.provision.InPlace;
import io.cloudist.core.ship.BundleShipper;
import io.cloudist.core.ship.Shipment;
import io.cloudist.core.store.LocalDirectoryStore;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import io.cloudist.testing.FakeImds;
import io.cloudist.worker.fixtures.CalculatorFixture;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real worker agent, in-process, running real test JVMs on fixture classes through a local store. */
@Timeout(120)
class WorkerAgentTest {
    private static final String RUN = "r1";

    @TempDir
    Path temp;

    /**
     * The blob cache, shared by this class's tests as by a machine's workers: the first test's test JVMs write the
     * class data archive of the classpath, and the later tests' test JVMs map it.
     */
    @TempDir
    static Path cache;

    private static String classId(String simpleName) {
        return "[engine:junit-jupiter]/[class:io.cloudist.worker.fixtures." + simpleName + "]";
    }

    /** Method-level unique ids, as the coordinator's assignments carry them. */
    private static List<String> methodIds(String simpleName, String... methods) {
        return Arrays.stream(methods)
                .map(m -> classId(simpleName) + "/[method:" + m + "()]")
                .toList();
    }

    private List<TaskResult> run(
            List<String> jvmArguments, long timeoutMillis, boolean reuseForks, List<List<String>> tasks)
            throws Exception {
        return run(jvmArguments, timeoutMillis, reuseForks, 0, tasks);
    }

    private List<TaskResult> run(
            List<String> jvmArguments, long timeoutMillis, boolean reuseForks, int reruns, List<List<String>> tasks)
            throws Exception {
        Store store = new LocalDirectoryStore(temp.resolve("store"));
        List<Path> classpath = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .toList();
        Path module = Files.createDirectories(temp.resolve("module"));
        Shipment shipment = new BundleShipper(store, module, temp.resolve("scratch")).ship(classpath, List.of());
        ShippedRun.publish(
                store,
                RUN,
                ShippedRun.module(
                        "",
                        shipment.classpath(),
                        shipment.files(),
                        jvmArguments,
                        Map.of("fixture.flag", "on"),
                        timeoutMillis,
                        reuseForks,
                        reruns));
        for (int i = 0; i < tasks.size(); i++) {
            store.put(
                    StoreKeys.assignment(RUN, "w0", i), Documents.write(Assignment.task(i, "t" + i, 1, tasks.get(i))));
        }
        store.put(StoreKeys.assignment(RUN, "w0", tasks.size()), Documents.write(Assignment.stop(tasks.size())));

        new WorkerAgent(WorkerOptions.forRun(store.location(), RUN, "w0", temp.resolve("worker"), cache)).run();

        return java.util.stream.IntStream.range(0, tasks.size())
                .mapToObj(i ->
                        Documents.read(store.get(StoreKeys.result(RUN, "w0", i)).orElseThrow(), TaskResult.class))
                .toList();
    }

    @Test
    void inPlaceTheTestsRunInTheModuleDirectoryItselfAndNothingIsCopied() throws Exception {
        Store store = new LocalDirectoryStore(temp.resolve("store"));
        Path module = Files.createDirectories(temp.resolve("real-module"));
        Files.writeString(module.resolve("marker.txt"), "in the module");
        List<Path> classpath = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .toList();
        runInPlace(store, oneModuleRun(store, module, classpath, List.of(List.of(classId("ModuleFileFixture")))));

        TaskResult result =
                Documents.read(store.get(StoreKeys.result(RUN, "w0", 0)).orElseThrow(), TaskResult.class);
        assertThat(tests(result).get("readsAModuleFile").status()).isEqualTo(Status.PASSED);
        try (var files = Files.walk(temp.resolve("worker"))) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("module", "marker.txt");
        }
    }

    @Test
    void aWorkerOfAReactorsRunRunsEachModulesTasksInItsOwnTestJvmAndKeepsThemWarm() throws Exception {
        Store store = new LocalDirectoryStore(temp.resolve("store"));
        Path app = Files.createDirectories(temp.resolve("app"));
        Files.writeString(app.resolve("marker.txt"), "in the module");
        Path lib = Files.createDirectories(temp.resolve("lib"));
        List<Path> classpath = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .toList();
        ShippedRun.publish(
                store,
                RUN,
                ShippedRun.module("g:app", List.of(), List.of()),
                ShippedRun.module("g:lib", List.of(), List.of()),
                ShippedRun.module("g:doc", List.of(), List.of()));
        Path doc = Files.createDirectories(temp.resolve("doc"));
        // app, lib, app reuse app's warm JVM; doc then closes lib's; app and lib come back, lib in a new JVM.
        List<String> order = List.of("g:app", "g:lib", "g:app", "g:doc", "g:app", "g:lib");
        for (int i = 0; i < order.size(); i++) {
            String fixture = i == order.size() - 1 ? "CalculatorFixture" : "ModuleFileFixture";
            store.put(
                    StoreKeys.assignment(RUN, "w0", i),
                    Documents.write(Assignment.task(i, "t" + i, 1, List.of(classId(fixture)), 0, order.get(i))));
        }
        store.put(StoreKeys.assignment(RUN, "w0", order.size()), Documents.write(Assignment.stop(order.size())));
        Path inPlace = temp.resolve("in-place.json");
        InPlace.of(List.of(
                        InPlace.Module.of("g:app", app, classpath, Map.of(), Map.of()),
                        InPlace.Module.of("g:lib", lib, classpath, Map.of(), Map.of()),
                        InPlace.Module.of("g:doc", doc, classpath, Map.of(), Map.of())))
                .write(inPlace);

        runInPlace(store, inPlace);

        List<TaskResult> results = IntStream.range(0, order.size())
                .mapToObj(i ->
                        Documents.read(store.get(StoreKeys.result(RUN, "w0", i)).orElseThrow(), TaskResult.class))
                .toList();
        assertThat(results.subList(0, 5))
                .extracting(r -> tests(r).get("readsAModuleFile").status())
                .as("each task ran in its own module's directory")
                .containsExactly(Status.PASSED, Status.ERROR, Status.PASSED, Status.ERROR, Status.PASSED);
        assertThat(tests(results.get(5)).values())
                .as("lib's second test JVM reports its own task, not what lib's first one wrote in the same scratch")
                .extracting(r -> r.node().className())
                .containsOnly(CalculatorFixture.class.getName());
        assertThat(results)
                .extracting(TaskResult::jvmStarts)
                .as("app's test JVM (warmed first) stays warm; at most two stay open, so doc's closes lib's")
                .containsExactly(1, 1, 0, 1, 0, 1);
        List<Path> prepared;
        try (var files = Files.walk(temp.resolve("worker"))) {
            prepared = files.filter(p -> p.getFileName().toString().startsWith("prepared-"))
                    .toList();
        }
        assertThat(prepared)
                .as("the JVMs started ahead for lib and doc discovered their tasks ahead (lib's second JVM writes over"
                        + " its first's files in the module's scratch); app's, open already, may have too")
                .hasSizeBetween(2, 4)
                .allSatisfy(file -> assertThat(file.resolveSibling(
                                file.getFileName().toString().replace("prepared-", "request-")))
                        .as("the request run is the one prepared, byte for byte")
                        .hasSameBinaryContentAs(file));
    }

    @Test
    void inARunOfOneModuleTheJvmDiscoversTheNextTaskOnceTheCurrentOneEnds() throws Exception {
        Store store = new LocalDirectoryStore(temp.resolve("store"));
        Path module = Files.createDirectories(temp.resolve("one-module"));
        List<Path> classpath = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .toList();
        runInPlace(
                store,
                oneModuleRun(
                        store,
                        module,
                        classpath,
                        List.of(methodIds("PacedFixture", "step1"), List.of(classId("CalculatorFixture")))));

        List<TaskResult> results = IntStream.range(0, 2)
                .mapToObj(i ->
                        Documents.read(store.get(StoreKeys.result(RUN, "w0", i)).orElseThrow(), TaskResult.class))
                .toList();
        assertThat(results).extracting(TaskResult::jvmStarts).containsExactly(1, 0);
        assertThat(tests(results.get(1)).values())
                .isNotEmpty()
                .extracting(r -> r.node().className())
                .containsOnly(CalculatorFixture.class.getName());
        List<Path> prepared;
        try (var files = Files.walk(temp.resolve("worker"))) {
            prepared = files.filter(p -> p.getFileName().toString().equals("prepared-2.txt"))
                    .toList();
        }
        assertThat(prepared)
                .as("the second task's request, prepared in the JVM that ran the first (a 1.5 s test)")
                .singleElement()
                .satisfies(file -> assertThat(file.resolveSibling("request-2.txt"))
                        .as("the request run is the one prepared, byte for byte")
                        .hasSameBinaryContentAs(file));
    }

    /**
     * Publishes {@link #RUN} as a run of one module whose files are {@code module} itself, with w0's tasks (each
     * its unique ids) and then the order to stop; returns the in-place file for {@link #runInPlace}.
     */
    private Path oneModuleRun(Store store, Path module, List<Path> classpath, List<List<String>> tasks)
            throws Exception {
        ShippedRun.publish(store, RUN, ShippedRun.module("", List.of(), List.of()));
        for (int i = 0; i < tasks.size(); i++) {
            store.put(
                    StoreKeys.assignment(RUN, "w0", i), Documents.write(Assignment.task(i, "t" + i, 1, tasks.get(i))));
        }
        store.put(StoreKeys.assignment(RUN, "w0", tasks.size()), Documents.write(Assignment.stop(tasks.size())));
        Path inPlace = temp.resolve("in-place.json");
        InPlace.of(module, classpath).write(inPlace);
        return inPlace;
    }

    /** Runs worker w0 of {@link #RUN} on {@code store}, its modules' files where {@code inPlace} says. */
    private void runInPlace(Store store, Path inPlace) throws Exception {
        new WorkerAgent(WorkerOptions.parse(
                        "--store",
                        store.location(),
                        "--run",
                        RUN,
                        "--worker",
                        "w0",
                        "--dir",
                        temp.resolve("worker").toString(),
                        "--cache",
                        cache.toString(),
                        "--in-place",
                        inPlace.toString()))
                .run();
    }

    private static Map<String, TestResult> tests(TaskResult result) {
        return result.results().stream()
                .filter(r -> r.node().kind().isTest())
                .collect(Collectors.toMap(r -> r.node().methodName(), r -> r));
    }

    @Test
    void reportsPassedFailedAndErroredTestsWithTheirReasons() throws Exception {
        TaskResult result = run(List.of(), 0, true, List.of(List.of(classId("CalculatorFixture"))))
                .get(0);
        Map<String, TestResult> tests = tests(result);
        assertThat(tests.get("adds").status()).isEqualTo(Status.PASSED);
        assertThat(tests.get("failsAnAssertion").status()).isEqualTo(Status.FAILED);
        assertThat(tests.get("failsAnAssertion").failure().message()).contains("expected: <5> but was: <4>");
        assertThat(tests.get("throwsAnException").status()).isEqualTo(Status.ERROR);
        assertThat(tests.get("throwsAnException").failure().type()).isEqualTo("java.lang.IllegalStateException");
        assertThat(result.jvmStarts()).isEqualTo(1);
        assertThat(tests.values())
                .as("each test's CPU time, for the timing history")
                .allSatisfy(test -> assertThat(test.cpuSeconds()).isNotNull().isNotNegative());
    }

    @Test
    void aTestThatCallsSystemExitCostsOnlyItselfAndTheRestOfItsClassStillRuns() throws Exception {
        TaskResult result = run(List.of(), 0, true, List.of(methodIds("ExitFixture", "before", "exits", "after")))
                .get(0);
        Map<String, TestResult> tests = tests(result);
        assertThat(tests.get("before").status()).isEqualTo(Status.PASSED);
        assertThat(tests.get("exits").status()).isEqualTo(Status.ERROR);
        assertThat(tests.get("exits").failure().message()).contains("exited with code 3");
        assertThat(tests.get("exits").failure().stackTrace())
                .contains("about to exit")
                .startsWith(TaskRunner.CRASH + ": The test JVM exited with code 3");
        assertThat(tests.get("after").status()).isEqualTo(Status.PASSED);
        assertThat(result.results().stream().filter(r -> r.node().kind().isTest()))
                .hasSize(3);
        assertThat(result.jvmStarts()).isEqualTo(2);
    }

    @Test
    void aTestJvmKilledByASignalIsReportedWithTheSignalsName() throws Exception {
        TaskResult result = run(List.of(), 0, true, List.of(methodIds("KillFixture", "isKilled", "runsAfterTheKill")))
                .get(0);
        Map<String, TestResult> tests = tests(result);
        assertThat(tests.get("isKilled").status()).isEqualTo(Status.ERROR);
        assertThat(tests.get("isKilled").failure().message())
                .contains("exited with code 137")
                .contains("killed by signal 9 (SIGKILL)")
                .doesNotContain("System.exit");
        assertThat(tests.get("runsAfterTheKill").status()).isEqualTo(Status.PASSED);
    }

    @Test
    void theTimeoutCountsFromTheFirstTestNotFromTheTestJvmsStart() throws Exception {
        // The test JVM pauses at start-up until its pause file is deleted, as a JVM on a loaded machine starts late.
        Path pause = temp.resolve("vm.paused");
        Thread releaser = new Thread(() -> {
            try {
                while (!Files.exists(pause)) {
                    Thread.sleep(20);
                }
                Thread.sleep(6_000);
                Files.deleteIfExists(pause);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        releaser.setDaemon(true);
        releaser.start();

        TaskResult result = run(
                        List.of(
                                "-XX:+UnlockDiagnosticVMOptions",
                                "-XX:+PauseAtStartup",
                                "-XX:PauseAtStartupFile=" + pause),
                        3_000,
                        true,
                        List.of(List.of(classId("CalculatorFixture"))))
                .get(0);

        // The fixture passes and fails tests of its own; none ran out of time.
        assertThat(result.results())
                .isNotEmpty()
                .allSatisfy(
                        r -> assertThat(r.failure() == null ? "" : r.failure().type())
                                .as(r.node().displayName())
                                .isNotIn(TaskRunner.TIMEOUT, TaskRunner.NOT_RUN, TaskRunner.CRASH));
        assertThat(result.jvmStarts()).isEqualTo(1);
    }

    @Test
    void aHangingTestJvmIsKilledAfterTheTimeoutAndTheNextTestRuns() throws Exception {
        TaskResult result = run(List.of(), 8_000, true, List.of(methodIds("HangFixture", "hangs", "runsAfterTheHang")))
                .get(0);
        Map<String, TestResult> tests = tests(result);
        assertThat(tests.get("hangs").status()).isEqualTo(Status.ERROR);
        assertThat(tests.get("hangs").failure().type()).isEqualTo(TaskRunner.TIMEOUT);
        assertThat(tests.get("hangs").failure().message()).contains("killed after 8 s");
        assertThat(tests.get("runsAfterTheHang").status()).isEqualTo(Status.PASSED);
    }

    @Test
    void runningOutOfMemoryCostsOnlyTheTestThatDidIt() throws Exception {
        TaskResult result = run(
                        List.of("-Xmx48m"),
                        60_000,
                        true,
                        List.of(methodIds("OutOfMemoryFixture", "exhaustsTheHeap", "runsAfterTheOutOfMemoryError")))
                .get(0);
        Map<String, TestResult> tests = tests(result);
        assertThat(tests.get("exhaustsTheHeap").status()).isEqualTo(Status.ERROR);
        assertThat(tests.get("exhaustsTheHeap").failure().message()).contains("OutOfMemoryError");
        assertThat(tests.get("runsAfterTheOutOfMemoryError").status()).isEqualTo(Status.PASSED);
    }

    @Test
    void aJvmThatCannotStartTurnsItsTestsIntoErrorsThatNameTheArgLine() throws Exception {
        TaskResult result = run(
                        List.of("-XX:+NoSuchCloudistOption"), 0, true, List.of(List.of(classId("CalculatorFixture"))))
                .get(0);
        assertThat(result.results()).hasSize(1).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(Status.ERROR);
            assertThat(r.failure().message()).contains("could not start").contains("-XX:+NoSuchCloudistOption");
        });
    }

    @Test
    void reusesOneJvmAcrossTasksButNotAcrossClassesWithoutReuseForks() throws Exception {
        List<List<String>> twoTasks =
                List.of(List.of(classId("CalculatorFixture")), methodIds("ExitFixture", "before", "exits", "after"));
        List<TaskResult> reused = run(List.of(), 0, true, twoTasks);
        assertThat(reused.get(0).jvmStarts()).isEqualTo(1);
        assertThat(reused.get(1).jvmStarts()).isEqualTo(1); // plus the one after System.exit
    }

    /** Runs the given tasks with reruns, the fixtures counting their runs under {@code temp/runs}. */
    private TaskResult runWithReruns(int reruns, boolean reuseForks, List<String> task) throws Exception {
        List<String> countRuns = List.of("-Dfixture.runs=" + temp.resolve("runs"));
        return run(countRuns, 0, reuseForks, reruns, List.of(task)).get(0);
    }

    private static List<Status> runsOf(TaskResult result, String methodName) {
        return result.results().stream()
                .filter(r -> r.node().methodName().equals(methodName))
                .map(TestResult::status)
                .toList();
    }

    @Test
    void aTestThatFailsOnceIsRunAgainAndItsPassingRunFollowsTheFailure() throws Exception {
        TaskResult result = runWithReruns(2, true, methodIds("FlakyFixture", "passes", "failsOnItsFirstRun"));

        assertThat(runsOf(result, "failsOnItsFirstRun")).containsExactly(Status.FAILED, Status.PASSED);
        assertThat(runsOf(result, "passes")).containsExactly(Status.PASSED);
        TestResult failedRun = result.results().stream()
                .filter(r -> r.node().methodName().equals("failsOnItsFirstRun"))
                .findFirst()
                .orElseThrow();
        assertThat(failedRun.failure().message()).contains("fails on its first run");
        assertThat(failedRun.stdout()).contains("run 1");
        assertThat(result.jvmStarts()).isEqualTo(1);
    }

    @Test
    void aTestThatAlwaysFailsRunsOncePlusTheRerunCount() throws Exception {
        TaskResult result = runWithReruns(2, true, methodIds("FlakyFixture", "alwaysFails"));

        assertThat(runsOf(result, "alwaysFails")).containsExactly(Status.FAILED, Status.FAILED, Status.FAILED);
        assertThat(result.results())
                .filteredOn(r -> r.node().methodName().equals("alwaysFails"))
                .extracting(r -> r.failure().message())
                .containsExactly("run 1", "run 2", "run 3");
    }

    @Test
    void withoutARerunCountAFailedTestRunsOnce() throws Exception {
        TaskResult result = runWithReruns(0, true, methodIds("FlakyFixture", "failsOnItsFirstRun", "alwaysFails"));

        assertThat(runsOf(result, "failsOnItsFirstRun")).containsExactly(Status.FAILED);
        assertThat(runsOf(result, "alwaysFails")).containsExactly(Status.FAILED);
    }

    @Test
    void aTestThatTookDownItsJvmIsRunAgainInANewOne() throws Exception {
        TaskResult result = runWithReruns(1, true, methodIds("FlakyFixture", "exitsOnItsFirstRun", "passes"));

        assertThat(runsOf(result, "exitsOnItsFirstRun")).containsExactly(Status.ERROR, Status.PASSED);
        assertThat(runsOf(result, "passes")).containsExactly(Status.PASSED);
        assertThat(result.jvmStarts()).isEqualTo(2);
    }

    @Test
    void aClassWhoseSetupFailedRunsAgainWithAllItsTests() throws Exception {
        TaskResult result = runWithReruns(1, false, methodIds("FlakySetupFixture", "first", "second"));

        List<TestResult> classRuns = result.results().stream()
                .filter(r -> r.uniqueId().equals(classId("FlakySetupFixture")))
                .toList();
        assertThat(classRuns).extracting(TestResult::status).containsExactly(Status.ERROR, Status.PASSED);
        assertThat(classRuns.get(0).failure().message()).isEqualTo("setup fails on its first run");
        assertThat(runsOf(result, "first")).containsExactly(Status.PASSED);
        assertThat(runsOf(result, "second")).containsExactly(Status.PASSED);
    }

    @Test
    void aSpotInterruptionNoticeIsAnnouncedInTheHeartbeatAndTheWorkerTakesNoMoreWork() throws Exception {
        Store store = new LocalDirectoryStore(temp.resolve("store"));
        Path module = Files.createDirectories(temp.resolve("module"));
        Shipment shipment = new BundleShipper(store, module, temp.resolve("scratch")).ship(List.of(), List.of());
        ShippedRun.publish(store, RUN, ShippedRun.module(shipment));
        // No stop assignment: a worker that ignored the notice would wait for more work until the run's lease lapses.
        try (FakeImds imds = new FakeImds()) {
            imds.interrupt();
            WorkerOptions options = new WorkerOptions(
                    store.location(),
                    RUN,
                    "w0",
                    temp.resolve("worker"),
                    cache,
                    false,
                    false,
                    0,
                    "",
                    imds.endpoint(),
                    120,
                    null,
                    null,
                    0,
                    BootSteps.parse("boot=1000,pull=1100-2000,agents=2100"),
                    "");
            long start = System.nanoTime();
            new WorkerAgent(options).run();
            long seconds = java.time.Duration.ofNanos(System.nanoTime() - start).toSeconds();

            Heartbeat beat =
                    Documents.read(store.get(StoreKeys.heartbeat(RUN, "w0")).orElseThrow(), Heartbeat.class);
            assertThat(beat.evicting()).isTrue();
            // What the boot script timed rides in the heartbeat.
            assertThat(beat.boot().format()).isEqualTo("boot=1000,pull=1100-2000,agents=2100");
            assertThat(beat.evictionReason())
                    .contains("spot interruption notice")
                    .contains("terminate");
            assertThat(seconds).isLessThan(RunPoller.LEASE_TIMEOUT_MILLIS / 1000);
        }
    }

    @Test
    void anAssignmentThatMovedToAnotherWorkerIsSkippedWithoutAResult() throws Exception {
        Store store = new LocalDirectoryStore(temp.resolve("store"));
        List<Path> classpath = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .toList();
        Shipment shipment = new BundleShipper(
                        store, Files.createDirectories(temp.resolve("module")), temp.resolve("scratch"))
                .ship(classpath, List.of());
        ShippedRun.publish(store, RUN, ShippedRun.module(shipment));
        store.put(StoreKeys.assignment(RUN, "w0", 0), Documents.write(Assignment.moved(0, "t0")));
        store.put(
                StoreKeys.assignment(RUN, "w0", 1),
                Documents.write(Assignment.task(1, "t1", 1, List.of(classId("CalculatorFixture")))));
        store.put(StoreKeys.assignment(RUN, "w0", 2), Documents.write(Assignment.stop(2)));

        new WorkerAgent(WorkerOptions.forRun(store.location(), RUN, "w0", temp.resolve("worker"), cache)).run();

        assertThat(store.exists(StoreKeys.result(RUN, "w0", 0))).isFalse();
        TaskResult second =
                Documents.read(store.get(StoreKeys.result(RUN, "w0", 1)).orElseThrow(), TaskResult.class);
        assertThat(second.taskId()).isEqualTo("t1");
        assertThat(tests(second)).containsKey("adds");
    }
}
