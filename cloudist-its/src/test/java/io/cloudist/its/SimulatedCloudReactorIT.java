package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.cloudist.aws.s3.S3ProxyExtension;
import io.cloudist.its.cloud.SimulatedCloud;
import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.FixtureBuilds;
import io.cloudist.its.harness.ReactorBuild;
import io.cloudist.its.harness.ReactorBuilds;
import io.cloudist.its.harness.ReactorSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code mvn cloudist:test -Dcloudist.backend=ec2} at the root of the reactor fixture, in the simulated cloud of
 * {@link SimulatedCloudIT}: the tests of every module are one run on one pool of instances, launched by one
 * RunInstances call (docs/design/0009-reactor-run.md), and each module's reports are those of a local run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatedCloudReactorIT {
    private static final String FIXTURE = "reactor";
    private static final String WORKERS = "-Dcloudist.workers=2";

    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension();

    private final FixtureBuilds fixtures = FixtureBuilds.fromSystemProperties();
    private final ReactorBuilds builds = new ReactorBuilds(fixtures);
    private SimulatedCloud cloud;
    private ReactorBuild local;
    private ReactorBuild onEc2;
    private List<SimulatedCloud.Launch> launches;

    @BeforeAll
    void runTheReactorLocallyAndInTheSimulatedCloud() throws Exception {
        assumeFalse(fixtures.environment().cloudistIsSurefire(), "the cloud run needs cloudist itself");
        cloud = new SimulatedCloud(fixtures.environment().work().resolve("cloud-reactor"), S3.endpoint());
        Map<String, String> env = cloud.mavenEnvironment();
        String store = "-Dcloudist.store=s3://" + S3.createBucket() + "/cloudist";
        Path project = fixtures.copy(FIXTURE, "cloud");
        local = builds.cloudist(project, "-fae", WORKERS);
        // -N: setup needs no project, and is needed once, not once per module.
        BuildResult setup = fixtures.maven(project, env, "cloudist:setup", "-N", store);
        assertThat(setup.succeeded()).as("%s", setup).isTrue();
        onEc2 = builds.cloudist(
                project,
                env,
                "-fae",
                "-Dcloudist.backend=ec2",
                "-Dcloudist.image=false",
                WORKERS,
                store,
                "-Dcloudist.idleMinutes=2");
        launches = cloud.launches();
    }

    @AfterAll
    void stopTheCloud() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void eachModuleReportsWhatALocalRunReports() {
        assertThat(local.modulesWithReports()).containsExactly("app", "broken", "core", "legacy");
        assertThat(onEc2.reportedOutcomes()).as("%s", onEc2).isEqualTo(local.reportedOutcomes());
        assertThat(ReactorSummary.failedModules(onEc2.result())).as("%s", onEc2).containsExactly("broken");
    }

    /** [0009] Today each module with tests is a run of its own. */
    @Test
    void theTestsOfEveryModuleAreOneRun() {
        assertThat(onEc2.timelineLines()).as("%s", onEc2).isEqualTo(1);
        assertThat(onEc2.distinctRunIds())
                .as("run ids by directory: %s", onEc2.runIds())
                .hasSize(1);
    }

    /**
     * One RunInstances call launches the pool of the whole reactor, tagged with its run. Today the count of calls
     * alone would pass: each module's run after the first claims the warm workers of the one before.
     */
    @Test
    void oneRunInstancesCallLaunchesThePoolOfTheWholeReactor() {
        assertThat(launches).as("launches").hasSize(1);
        assertThat(launches.get(0).instances()).isPositive();
        assertThat(onEc2.result().lines())
                .as("%s", onEc2)
                .filteredOn(line -> line.startsWith("cloudist: Launching "))
                .hasSize(1);
        assertThat(onEc2.runIds().values())
                .as("the run the launch is tagged with")
                .contains(launches.get(0).runId());
    }

    /** [0009] Today the runs of app, legacy and broken each claim the warm workers that core's run left. */
    @Test
    void thePoolIsClaimedOnceForTheWholeReactor() {
        assertThat(onEc2.result().lines())
                .as("%s", onEc2)
                .filteredOn(line -> line.startsWith("cloudist: Reusing "))
                .isEmpty();
    }
}
