package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.cloudist.aws.s3.FaultProxy;
import io.cloudist.aws.s3.S3ProxyExtension;
import io.cloudist.its.cloud.SimulatedCloud;
import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.FaultInjection;
import io.cloudist.its.harness.FixtureBuilds;
import io.cloudist.its.harness.Maven;
import io.cloudist.its.harness.ReportedOutcomes;
import io.cloudist.its.harness.ReportedTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store goes out for longer than the run's budget while tests run: a real {@code mvn cloudist:test} on an S3
 * store behind a proxy that refuses every request once the first test has started. The build fails naming
 * {@code -Dcloudist.storeOutageSeconds}, and still reports every test exactly once: what finished with its outcome,
 * the rest as errors that name the outage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreOutageIT {
    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension();

    private final FixtureBuilds builds = FixtureBuilds.fromSystemProperties();
    private SimulatedCloud cloud;
    private FaultProxy proxy;
    private BuildResult run;

    @BeforeAll
    void cutTheStoreOffInTheMiddleOfARun() throws Exception {
        assumeFalse(builds.environment().cloudistIsSurefire(), "cloudist's store");
        cloud = new SimulatedCloud(builds.environment().work().resolve("store-outage"), S3.endpoint());
        proxy = new FaultProxy(S3.endpoint());
        String store = "-Dcloudist.store=s3://" + S3.createBucket() + "/cloudist";
        BuildResult setup = builds.maven(
                builds.copy(FaultsIT.FIXTURE, "store-outage-setup"), cloud.mavenEnvironment(), "cloudist:setup", store);
        assertThat(setup.succeeded()).as("%s", setup).isTrue();

        Map<String, String> env = new LinkedHashMap<>(cloud.mavenEnvironment());
        env.put("AWS_ENDPOINT_URL_S3", proxy.endpoint().toString());
        Path project = builds.copy(FaultsIT.FIXTURE, "store-outage");
        Path markers = FaultsIT.markers(project);
        Maven.RunningBuild build = builds.startCloudist(
                project,
                env,
                store,
                "-Dcloudist.workers=2",
                "-Dcloudist.storeOutageSeconds=5",
                "-DexcludedGroups=crashes",
                "-Dfaults.markers=" + markers);
        FaultInjection.awaitFirstStartedTest(markers, Duration.ofMinutes(4));
        proxy.outageFor(Duration.ofMinutes(5));
        run = build.await();
    }

    @AfterAll
    void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void theBuildFailsNamingTheBudgetToRaise() {
        assertThat(run.failed()).as("%s", run).isTrue();
        assertThat(run.log())
                .as("%s", run)
                .contains("cloudist: the run stopped early")
                .contains("-Dcloudist.storeOutageSeconds");
    }

    @Test
    void everyTestIsReportedOnceWhatDidNotFinishAsAnErrorThatNamesTheOutage() {
        List<ReportedTest> tests = run.reportedTests();
        assertThat(ReportedOutcomes.keys(tests))
                .as("%s", run)
                .hasSize(FaultsIT.SLOW_TESTS)
                .doesNotHaveDuplicates();
        assertThat(tests)
                .allSatisfy(t -> assertThat(t.result()).isIn(ReportedTest.Result.PASSED, ReportedTest.Result.ERROR));
        assertThat(tests)
                .filteredOn(t -> t.result() == ReportedTest.Result.ERROR)
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.message()).containsIgnoringCase("outage"));
    }
}
