package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.ConsoleOutput;
import io.cloudist.its.harness.FixtureBuilds;
import io.cloudist.its.harness.ReportedOutcomes;
import io.cloudist.its.harness.ReportedTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Surefire options that change how tests run, set in the fixture's POM and honoured as Surefire honours them:
 * {@code <properties><configurationParameters>} deactivating a condition (a {@code @Disabled} test runs),
 * {@code enableAssertions} (on by default), {@code trimStackTrace} and {@code runOrder}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurefireOptionsIT {
    private static final String FIXTURE = "surefire-options";
    private static final String PACKAGE = "io.cloudist.fixtures.options.";

    private final FixtureBuilds builds = FixtureBuilds.fromSystemProperties();
    private BuildResult surefire;
    private BuildResult cloudist;

    @BeforeAll
    void buildWithSurefireAndCloudist() {
        surefire = builds.surefire(builds.copy(FIXTURE, "surefire"));
        cloudist = builds.cloudist(builds.copy(FIXTURE, "cloudist"), "-Dcloudist.workers=2");
    }

    @Test
    void surefireBaselineRunsTheDisabledTestWithAssertionsOnAndTrimsTheTrace() {
        assertThat(surefire.failed()).as("%s", surefire).isTrue();
        assertThat(ReportedOutcomes.keys(surefire.reportedTests()))
                .containsExactlyInAnyOrder(
                        PACKAGE + "DeactivatedConditionTest#runsAlthoughDisabled PASSED",
                        PACKAGE + "AssertionsTest#assertStatementsAreOn PASSED",
                        PACKAGE + "TrimmedTraceTest#failsThroughAHelper FAILED");
        assertThat(failure(surefire).detail()).doesNotContain("org.junit.jupiter.api.AssertionFailureBuilder");
    }

    @Test
    void cloudistDoesTheSame() {
        assertThat(cloudist.failed()).as("%s", cloudist).isTrue();
        assertThat(ReportedOutcomes.keys(cloudist.reportedTests()))
                .containsExactlyElementsOf(ReportedOutcomes.keys(surefire.reportedTests()));
        assertThat(failure(cloudist).detail()).isEqualTo(failure(surefire).detail());
        assertThat(ConsoleOutput.classBlocks(cloudist)).isEqualTo(ConsoleOutput.classBlocks(surefire));
        assertThat(cloudist.lines()).noneMatch(line -> line.contains("is not honoured"));
    }

    private static ReportedTest failure(BuildResult build) {
        return build.reportedTests().stream()
                .filter(t -> t.result() == ReportedTest.Result.FAILED)
                .findFirst()
                .orElseThrow();
    }
}
