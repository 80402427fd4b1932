package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.FixtureBuilds;
import io.cloudist.its.harness.ReportedOutcomes;
import io.cloudist.its.harness.ReportedTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The README's example works as the README says: green under Surefire and cloudist, red with -Dexample.fail. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExampleIT {
    private static final String EXAMPLE = "calculator";
    private static final String FAILING_TEST =
            "io.cloudist.examples.calculator.DeliberateFailureTest#expectsTheWrongSum";

    private final FixtureBuilds builds = FixtureBuilds.fromSystemProperties();
    private BuildResult surefire;
    private BuildResult cloudist;

    @BeforeAll
    void buildWithSurefireAndCloudist() {
        surefire = builds.surefire(builds.copyExample(EXAMPLE, "surefire"));
        cloudist = builds.cloudist(builds.copyExample(EXAMPLE, "cloudist"), "-Dcloudist.workers=2");
    }

    @Test
    void surefireRunsTheExampleGreen() {
        assertThat(surefire.succeeded()).as("%s", surefire).isTrue();
        assertThat(surefire.reportedTests())
                .hasSizeGreaterThanOrEqualTo(30)
                .allMatch(test -> test.result() == ReportedTest.Result.PASSED);
    }

    @Test
    void cloudistRunsTheExampleGreenWithSurefiresResults() {
        assertThat(cloudist.succeeded()).as("%s", cloudist).isTrue();
        assertThat(ReportedOutcomes.keys(cloudist.reportedTests()))
                .as("%s", cloudist)
                .containsExactlyElementsOf(ReportedOutcomes.keys(surefire.reportedTests()));
    }

    @Test
    void cloudistFailsTheBuildWhenTheDeliberateFailureIsSwitchedOn() {
        BuildResult failing =
                builds.cloudist(builds.copyExample(EXAMPLE, "failing"), "-Dcloudist.workers=2", "-Dexample.fail=true");

        assertThat(failing.failed()).as("%s", failing).isTrue();
        assertThat(failing.log()).contains("There are test failures");
        assertThat(ReportedOutcomes.keys(failing.reportedTests())).contains(FAILING_TEST + " FAILED");
    }
}
