package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.ConsoleOutput;
import io.cloudist.its.harness.FixtureBuilds;
import io.cloudist.its.harness.ReportedOutcomes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A project on JUnit 6, the current JUnit: cloudist's runner runs on the project's own JUnit Platform 6 launcher and
 * reports what Surefire reports, nested, parameterized, dynamic, disabled and ordered tests included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JUnit6IT {
    private static final String FIXTURE = "junit6";

    private final FixtureBuilds builds = FixtureBuilds.fromSystemProperties();
    private BuildResult surefire;
    private BuildResult cloudist;

    @BeforeAll
    void buildWithSurefireAndCloudist() {
        surefire = builds.surefire(builds.copy(FIXTURE, "surefire"));
        cloudist = builds.cloudist(builds.copy(FIXTURE, "cloudist"), "-Dcloudist.workers=2");
    }

    @Test
    void surefireBaselineRunsEveryKindOfTest() {
        assertThat(surefire.succeeded()).as("%s", surefire).isTrue();
        assertThat(ReportedOutcomes.keys(surefire.reportedTests()))
                .as("%s", surefire)
                .contains(
                        "io.cloudist.fixtures.junit6.OrderedTest#second PASSED",
                        "io.cloudist.fixtures.junit6.TemperatureTest#kelvin SKIPPED")
                .hasSize(11);
    }

    @Test
    void cloudistReportsWhatSurefireReportsAndPrintsWhatItPrints() {
        assertThat(cloudist.succeeded()).as("%s", cloudist).isTrue();
        assertThat(ReportedOutcomes.keys(cloudist.reportedTests()))
                .as("%s", cloudist)
                .containsExactlyInAnyOrderElementsOf(ReportedOutcomes.keys(surefire.reportedTests()));
        assertThat(ReportedOutcomes.reportedClasses(cloudist.reportsDirectory()))
                .containsExactlyInAnyOrderElementsOf(ReportedOutcomes.reportedClasses(surefire.reportsDirectory()));
        assertThat(ConsoleOutput.resultsTotals(cloudist)).isEqualTo(ConsoleOutput.resultsTotals(surefire));
        assertThat(ConsoleOutput.classBlocks(cloudist)).isEqualTo(ConsoleOutput.classBlocks(surefire));
    }
}
