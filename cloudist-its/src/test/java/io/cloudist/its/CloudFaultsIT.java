package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.cloudist.aws.s3.S3ProxyExtension;
import io.cloudist.its.cloud.SimulatedCloud;
import io.cloudist.its.harness.BuildResult;
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
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Faults injected into simulated EC2 runs (moto, an S3 server, and instances booted as local processes): a spot
 * interruption notice on the instance of a running test, an instance reclaimed outright in the middle of a task, and
 * a worker agent killed with SIGKILL on an instance that lives on.
 * Every test must end with exactly one outcome; after cleanup, no instance and no process is left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudFaultsIT {
    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension();

    private final FixtureBuilds builds = FixtureBuilds.fromSystemProperties();
    private SimulatedCloud cloud;
    private BuildResult interrupted;
    private String interruptedInstance;
    private BuildResult reclaimed;
    private String reclaimedInstance;
    private BuildResult agentKilled;
    private BuildResult cleanup;
    private long processesAfterCleanup = -1;

    @BeforeAll
    void injectFaultsIntoCloudRuns() throws Exception {
        assumeFalse(builds.environment().cloudistIsSurefire(), "the cloud runs need cloudist itself");
        cloud = new SimulatedCloud(builds.environment().work().resolve("cloud-faults"), S3.endpoint());
        Map<String, String> env = cloud.mavenEnvironment();
        String store = "-Dcloudist.store=s3://" + S3.createBucket() + "/cloudist";
        Path admin = builds.copy(FaultsIT.FIXTURE, "cloud-faults-setup");
        BuildResult setup = builds.maven(admin, env, "cloudist:setup", store);
        assertThat(setup.succeeded()).as("%s", setup).isTrue();
        String[] ec2 = {
            "-Dcloudist.backend=ec2",
            "-Dcloudist.image=false",
            "-Dcloudist.workers=2",
            store,
            "-Dcloudist.idleMinutes=1",
            "-DexcludedGroups=crashes"
        };

        String[] instance = new String[1];
        interrupted = runAndInject("spot-interrupted", env, ec2, test -> {
            instance[0] = instanceOf(test);
            cloud.announceSpotInterruption(instance[0]);
        });
        interruptedInstance = instance[0];
        reclaimed = runAndInject("instance-reclaimed", env, ec2, test -> {
            instance[0] = instanceOf(test);
            cloud.reclaim(instance[0]);
        });
        reclaimedInstance = instance[0];
        // The agent dies but its instance lives on: only the heartbeat can tell.
        agentKilled =
                runAndInject("agent-killed", env, ec2, test -> test.worker().destroyForcibly());

        cleanup = builds.maven(admin, env, "cloudist:cleanup", store, "-Dcloudist.deleteRunData=true");
        long deadline = System.currentTimeMillis() + 30_000;
        while ((processesAfterCleanup = cloud.liveProcesses()) > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
    }

    /** Starts a cloud run, waits for its first test to start, and does {@code fault} to the instance running it. */
    private BuildResult runAndInject(
            String variant, Map<String, String> env, String[] arguments, Consumer<FaultInjection.StartedTest> fault)
            throws IOException, InterruptedException {
        Path project = builds.copy(FaultsIT.FIXTURE, variant);
        Path markers = FaultsIT.markers(project);
        List<String> all = new ArrayList<>(List.of(arguments));
        all.add("-Dfaults.markers=" + markers);
        Maven.RunningBuild build = builds.startCloudist(project, env, all.toArray(String[]::new));
        FaultInjection.StartedTest running = FaultInjection.awaitFirstStartedTest(markers, Duration.ofMinutes(4));
        fault.accept(running);
        return build.await();
    }

    private static String instanceOf(FaultInjection.StartedTest test) {
        return FaultInjection.segmentAfter(test.directory(), "instances");
    }

    @AfterAll
    void stopTheCloud() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void aSpotInterruptionNoticeMovesTheWorkToOtherWorkersAndLosesNoTest() {
        assertThat(interrupted.succeeded()).as("%s", interrupted).isTrue();
        assertThat(interrupted.log())
                .contains(interruptedInstance)
                .contains("evicted")
                .contains("spot interruption notice");
        assertEveryTestPassedOnce(interrupted);
    }

    @Test
    void anInstanceReclaimedMidTaskLosesNoTest() {
        assertThat(reclaimed.succeeded()).as("%s", reclaimed).isTrue();
        assertThat(reclaimed.log()).containsPattern("Worker " + reclaimedInstance + "-\\d lost");
        assertEveryTestPassedOnce(reclaimed);
    }

    @Test
    void aWorkerAgentKilledOnALiveInstanceIsFoundAndLosesNoTest() {
        assertThat(agentKilled.succeeded()).as("%s", agentKilled).isTrue();
        // Found by its heartbeat; or, when it was its instance's only agent, by the instance powering itself off.
        assertThat(agentKilled.log()).containsPattern("Worker i-\\S+ lost: (its heartbeat lapsed|it stopped)");
        assertEveryTestPassedOnce(agentKilled);
    }

    @Test
    void cleanupLeavesNoInstanceAndNoProcess() {
        assertThat(cleanup.succeeded()).as("%s", cleanup).isTrue();
        assertThat(cloud.unterminatedInstances()).isEmpty();
        assertThat(processesAfterCleanup).isZero();
    }

    private static void assertEveryTestPassedOnce(BuildResult build) {
        List<ReportedTest> tests = build.reportedTests();
        assertThat(ReportedOutcomes.keys(tests)).hasSize(FaultsIT.SLOW_TESTS).doesNotHaveDuplicates();
        assertThat(tests).allSatisfy(t -> assertThat(t.result()).isEqualTo(ReportedTest.Result.PASSED));
    }
}
