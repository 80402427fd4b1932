package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.Directories;
import io.cloudist.its.harness.FaultInjection;
import io.cloudist.its.harness.FixtureBuilds;
import io.cloudist.its.harness.Maven;
import io.cloudist.its.harness.ReportedOutcomes;
import io.cloudist.its.harness.ReportedTest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Faults injected into real local runs: a worker killed with SIGKILL in the middle of a task, the coordinator (the
 * Maven process) killed in the middle of a run, and test JVMs that exit, run out of memory or hang. Every test must
 * end with exactly one outcome, and nothing may be left running. The coordinator is killed with its workers on its
 * threads (the default) and with workers in processes of their own; a worker can be killed only in the second case,
 * where it is a process.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultsIT {
    static final String FIXTURE = "faults";
    static final int SLOW_TESTS = 12;
    private static final Duration NOTHING_LEFT_WITHIN = Duration.ofSeconds(30);

    private final FixtureBuilds builds = FixtureBuilds.fromSystemProperties();
    private BuildResult workerKilled;
    private String killedWorker;
    private List<ProcessHandle> leftAfterWorkerKilled;
    private List<ProcessHandle> leftAfterCoordinatorKilled;
    private long secondsToClearAfterCoordinatorKilled;
    private List<ProcessHandle> leftAfterCoordinatorOfWorkerProcessesKilled;
    private BuildResult crashes;

    @BeforeAll
    void injectFaults() throws Exception {
        assumeFalse(builds.environment().cloudistIsSurefire(), "faults are injected into cloudist's own processes");

        Path project = builds.copy(FIXTURE, "worker-killed");
        Path markers = markers(project);
        Maven.RunningBuild build = builds.startCloudist(
                project,
                Map.of(),
                "-Dcloudist.workers=2",
                "-Dcloudist.localWorkers=process",
                "-DexcludedGroups=crashes",
                "-Dfaults.markers=" + markers);
        try (FaultInjection.ProcessWatch processes =
                new FaultInjection.ProcessWatch(build.process().toHandle())) {
            FaultInjection.StartedTest running = FaultInjection.awaitFirstStartedTest(markers, Duration.ofMinutes(2));
            killedWorker = "w" + (running.forkNumber() - 1); // local workers w0, w1, ... are forks 1, 2, ...
            ProcessHandle worker = running.worker();
            assertThat(processes.saw(worker))
                    .as("worker %s is one of the build's processes", worker.pid())
                    .isTrue();
            worker.destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye
            workerKilled = build.await();
            leftAfterWorkerKilled = processes.awaitNoneAlive(NOTHING_LEFT_WITHIN);
        }

        Path abandoned = builds.copy(FIXTURE, "coordinator-killed");
        Path abandonedMarkers = markers(abandoned);
        Maven.RunningBuild doomed = builds.startCloudist(
                abandoned,
                Map.of(),
                "-Dcloudist.workers=2",
                "-DexcludedGroups=crashes",
                "-Dfaults.markers=" + abandonedMarkers);
        try (FaultInjection.ProcessWatch processes =
                new FaultInjection.ProcessWatch(doomed.process().toHandle())) {
            FaultInjection.awaitFirstStartedTest(abandonedMarkers, Duration.ofMinutes(2));
            Thread.sleep(200); // let the watch see every worker and test JVM
            long killedAt = System.nanoTime();
            doomed.process().toHandle().destroyForcibly();
            leftAfterCoordinatorKilled = processes.awaitNoneAlive(NOTHING_LEFT_WITHIN);
            Duration toClear = Duration.ofNanos(System.nanoTime() - killedAt);
            secondsToClearAfterCoordinatorKilled = toClear.toSeconds();
            System.out.printf(
                    "coordinator killed: %d processes of the run, %d left after %d ms%n",
                    processes.seen(), leftAfterCoordinatorKilled.size(), toClear.toMillis());
        }

        leftAfterCoordinatorOfWorkerProcessesKilled =
                killCoordinatorMidRun("coordinator-of-processes-killed", "-Dcloudist.localWorkers=process");

        crashes = builds.cloudist(
                builds.copy(FIXTURE, "crashes"),
                "-Dcloudist.workers=2",
                "-Dgroups=crashes",
                "-Dcloudist.testTimeout=20");
    }

    /** Kills the Maven process of a run once a test has started; returns what it left running after 30 s. */
    private List<ProcessHandle> killCoordinatorMidRun(String name, String... options) throws Exception {
        Path project = builds.copy(FIXTURE, name);
        Path markers = markers(project);
        List<String> arguments = new ArrayList<>(
                List.of("-Dcloudist.workers=2", "-DexcludedGroups=crashes", "-Dfaults.markers=" + markers));
        arguments.addAll(List.of(options));
        Maven.RunningBuild doomed = builds.startCloudist(project, Map.of(), arguments.toArray(String[]::new));
        try (FaultInjection.ProcessWatch processes =
                new FaultInjection.ProcessWatch(doomed.process().toHandle())) {
            FaultInjection.awaitFirstStartedTest(markers, Duration.ofMinutes(2));
            Thread.sleep(200); // let the watch see every worker and test JVM
            doomed.process().toHandle().destroyForcibly();
            return processes.awaitNoneAlive(NOTHING_LEFT_WITHIN);
        }
    }

    /**
     * Where the fixture's tests leave their markers: outside the project, since cloudist maps paths inside the module
     * directory to each worker's copy of it.
     */
    static Path markers(Path project) throws IOException {
        Path markers = project.resolveSibling(project.getFileName() + "-markers");
        Directories.deleteRecursively(markers);
        return markers;
    }

    @Test
    void aWorkerKilledMidTaskCostsNoTestItsTaskRunsElsewhereAndAReplacementStarts() {
        assertThat(workerKilled.succeeded()).as("%s", workerKilled).isTrue();
        assertThat(workerKilled.log())
                .contains("Worker " + killedWorker + " lost")
                .contains("in place of a lost one");
        List<ReportedTest> tests = workerKilled.reportedTests();
        assertThat(ReportedOutcomes.keys(tests)).hasSize(SLOW_TESTS).doesNotHaveDuplicates();
        assertThat(tests).allSatisfy(t -> assertThat(t.result()).isEqualTo(ReportedTest.Result.PASSED));
        assertThat(workerKilled.log()).contains("Tests run: " + SLOW_TESTS + ", Failures: 0, Errors: 0, Skipped: 0");
    }

    @Test
    void nothingIsLeftRunningAfterARunThatLostAWorker() {
        assertThat(leftAfterWorkerKilled).isEmpty();
    }

    @Test
    void whenTheCoordinatorIsKilledItsWorkersAndTestJvmsLeaveAtOnce() {
        assertThat(leftAfterCoordinatorKilled).isEmpty();
        assertThat(secondsToClearAfterCoordinatorKilled).isLessThan(NOTHING_LEFT_WITHIN.toSeconds());
    }

    @Test
    void whenTheCoordinatorOfWorkerProcessesIsKilledTheyAndTheirTestJvmsLeaveAtOnce() {
        assertThat(leftAfterCoordinatorOfWorkerProcessesKilled).isEmpty();
    }

    @Test
    void testJvmsThatExitRunOutOfMemoryOrHangCostOnlyTheTestThatDidIt() {
        assertThat(crashes.failed()).as("%s", crashes).isTrue();
        Map<String, ReportedTest> tests =
                crashes.reportedTests().stream().collect(Collectors.toMap(ReportedTest::name, t -> t));
        assertThat(ReportedOutcomes.keys(crashes.reportedTests())).hasSize(6).doesNotHaveDuplicates();
        assertThat(tests.get("exits").result()).isEqualTo(ReportedTest.Result.ERROR);
        assertThat(tests.get("exits").message()).contains("exited with code 3");
        assertThat(tests.get("exhaustsTheHeap").result()).isEqualTo(ReportedTest.Result.ERROR);
        assertThat(tests.get("exhaustsTheHeap").message()).contains("OutOfMemoryError");
        assertThat(tests.get("hangs").result()).isEqualTo(ReportedTest.Result.ERROR);
        assertThat(tests.get("hangs").message()).contains("killed after 20 s");
        assertThat(List.of("runsAfterTheExit", "runsAfterTheOutOfMemoryError", "runsAfterTheHang"))
                .allSatisfy(name -> assertThat(tests.get(name).result()).isEqualTo(ReportedTest.Result.PASSED));
        assertThat(crashes.log()).contains("Tests run: 6, Failures: 0, Errors: 3, Skipped: 0");
    }
}
