package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.cloudist.aws.s3.S3ProxyExtension;
import io.cloudist.its.cloud.SimulatedCloud;
import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.FixtureBuilds;
import io.cloudist.its.harness.ReportedOutcomes;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A whole cloud run on 127.0.0.1: real {@code mvn cloudist:setup}, two {@code mvn cloudist:test
 * -Dcloudist.backend=ec2} runs and {@code mvn cloudist:cleanup}, with the AWS endpoints pointed at moto and an S3
 * server, and every instance moto launches "booted" by running its user data locally.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatedCloudIT {
    private static final String FIXTURE = "passing";

    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension();

    private final FixtureBuilds builds = FixtureBuilds.fromSystemProperties();
    private SimulatedCloud cloud;
    private BuildResult local;
    private BuildResult setup;
    private BuildResult setupAgain;
    private BuildResult nothing;
    private int bootedByNothing;
    private BuildResult cold;
    private int bootedByCold;
    private int mappedByCold;
    private BuildResult warm;
    private int bootedByWarm;
    private int mappedByWarm;
    private String workerLogs;
    private BuildResult cleanup;
    private long processesAfterCleanup = -1;

    @BeforeAll
    void runInTheSimulatedCloud() throws Exception {
        assumeFalse(builds.environment().cloudistIsSurefire(), "the cloud run needs cloudist itself");
        cloud = new SimulatedCloud(builds.environment().work().resolve("cloud"), S3.endpoint());
        Map<String, String> env = cloud.mavenEnvironment();
        String store = "-Dcloudist.store=s3://" + S3.createBucket() + "/cloudist";
        Path project = builds.copy(FIXTURE, "cloud-setup");
        local = builds.cloudist(builds.copy(FIXTURE, "cloud-local"), "-Dcloudist.workers=2");
        setup = builds.maven(project, env, "cloudist:setup", store);
        setupAgain = builds.maven(project, env, "cloudist:setup", store);
        String[] ec2 = {
            "-Dcloudist.backend=ec2",
            "-Dcloudist.image=false",
            "-Dcloudist.workers=2",
            store,
            "-Dcloudist.idleMinutes=2"
        };
        nothing = builds.cloudist(
                builds.copy(FIXTURE, "cloud-nothing"),
                env,
                "-Dcloudist.backend=ec2",
                store,
                "-Dtest=GreeterTest#noSuchMethod",
                "-DfailIfNoTests=true");
        bootedByNothing = cloud.bootedInstances();
        cold = builds.cloudist(builds.copy(FIXTURE, "cloud-cold"), env, ec2);
        bootedByCold = cloud.bootedInstances();
        mappedByCold = mappings(cloud.workerLogs());
        warm = builds.cloudist(builds.copy(FIXTURE, "cloud-warm"), env, ec2);
        bootedByWarm = cloud.bootedInstances() - bootedByCold;
        workerLogs = cloud.workerLogs();
        mappedByWarm = mappings(workerLogs) - mappedByCold;
        cleanup = builds.maven(project, env, "cloudist:cleanup", store, "-Dcloudist.deleteRunData=true");
        long deadline = System.currentTimeMillis() + 30_000;
        while ((processesAfterCleanup = cloud.liveProcesses()) > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
    }

    @AfterAll
    void stopTheCloud() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void setupSucceedsAndIsIdempotent() {
        assertThat(setup.succeeded()).as("%s", setup).isTrue();
        assertThat(setupAgain.succeeded()).as("%s", setupAgain).isTrue();
        assertThat(setupAgain.log()).contains("found").doesNotContain("created");
    }

    @Test
    void aRunWithNothingToRunFailsAsSurefireWouldAndLaunchesNoInstance() {
        assertThat(nothing.failed()).as("%s", nothing).isTrue();
        assertThat(nothing.log())
                .contains("No tests were executed!  (Set -DfailIfNoTests=false to ignore this error.)")
                .doesNotContain("Launching");
        assertThat(bootedByNothing).isZero();
    }

    @Test
    void aColdCloudRunBootsInstancesAndReportsWhatALocalRunReports() {
        assertThat(cold.succeeded()).as("%s", cold).isTrue();
        assertThat(bootedByCold).isPositive();
        assertThat(cold.log()).containsPattern("Launching \\d+ ×");
        assertThat(ReportedOutcomes.keys(cold.reportedTests()))
                .containsExactlyElementsOf(ReportedOutcomes.keys(local.reportedTests()));
    }

    @Test
    void aWarmRunReusesTheWorkersAndStartsNoInstance() {
        assertThat(warm.succeeded()).as("%s", warm).isTrue();
        assertThat(bootedByWarm).isZero();
        assertThat(ReportedOutcomes.keys(warm.reportedTests()))
                .containsExactlyElementsOf(ReportedOutcomes.keys(local.reportedTests()));
    }

    @Test
    void theWarmRunsTestJvmsMapTheClassDataArchiveThatTheColdRunWroteOnTheInstance() {
        assertThat(workerLogs).contains("Wrote the class data archive");
        assertThat(mappedByWarm).as(workerLogs).isPositive();
    }

    /** How many times the agents logged that a module's test JVMs map a class data archive. */
    private static int mappings(String logs) {
        return (int) logs.lines()
                .filter(l -> l.contains("map the class data archive"))
                .count();
    }

    @Test
    void cleanupLeavesNothingRunning() {
        assertThat(cleanup.succeeded()).as("%s", cleanup).isTrue();
        assertThat(cloud.unterminatedInstances()).isEmpty();
        assertThat(processesAfterCleanup).isZero();
    }
}
