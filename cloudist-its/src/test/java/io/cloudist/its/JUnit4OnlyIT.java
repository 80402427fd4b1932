package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.ConsoleOutput;
import io.cloudist.its.harness.FixtureBuilds;
import io.cloudist.its.harness.Outcomes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A project on plain JUnit 4, with no JUnit Platform engine of its own, gets Surefire's answer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JUnit4OnlyIT {
    private static final String FIXTURE = "junit4-only";

    private final FixtureBuilds builds = FixtureBuilds.fromSystemProperties();
    private BuildResult surefire;
    private BuildResult cloudist;

    @BeforeAll
    void buildWithSurefireAndCloudist() {
        surefire = builds.surefire(builds.copy(FIXTURE, "surefire"));
        cloudist = builds.cloudist(builds.copy(FIXTURE, "cloudist"), "-Dcloudist.workers=2");
    }

    @Test
    void surefireBaselineUsesTheJUnit4Provider() {
        assertThat(surefire.succeeded()).as("%s", surefire).isTrue();
        assertThat(surefire.log()).contains("JUnit4Provider");
        assertThat(Outcomes.keys(surefire.reportedTests()))
                .hasSize(9)
                .contains(
                        "io.cloudist.fixtures.junit4.SquaresTest#squares[2 squared is 4] PASSED",
                        "io.cloudist.fixtures.junit4.ArithmeticTest#isIgnored SKIPPED",
                        "io.cloudist.fixtures.junit4.ArithmeticTest#isAbortedByAnAssumption SKIPPED");
    }

    @Test
    void cloudistBuildSucceeds() {
        assertThat(cloudist.succeeded()).as("%s", cloudist).isTrue();
    }

    @Test
    void cloudistReportsTheSameTestsWithTheSameOutcomesAsSurefire() {
        assertThat(Outcomes.keys(cloudist.reportedTests()))
                .as("%s", cloudist)
                .containsExactlyElementsOf(Outcomes.keys(surefire.reportedTests()));
        assertThat(ConsoleOutput.resultsTotals(cloudist)).isEqualTo(ConsoleOutput.resultsTotals(surefire));
    }
}
