package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.its.harness.FixtureBuilds;
import io.cloudist.its.harness.ReportedOutcomes;
import io.cloudist.its.harness.SideBySide;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A project on JUnit 6, the current JUnit: cloudist's runner runs on the project's own JUnit Platform 6 launcher and
 * reports what Surefire reports, nested, parameterized, dynamic, disabled and ordered tests included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JUnit6IT {
    private SideBySide builds;

    @BeforeAll
    void buildWithSurefireAndCloudist() {
        builds = SideBySide.build(FixtureBuilds.fromSystemProperties(), "junit6", "-Dcloudist.workers=2");
    }

    @Test
    void surefireBaselineRunsEveryKindOfTest() {
        assertThat(builds.surefire().succeeded()).as("%s", builds.surefire()).isTrue();
        assertThat(ReportedOutcomes.keys(builds.surefire().reportedTests()))
                .as("%s", builds.surefire())
                .contains(
                        "io.cloudist.fixtures.junit6.OrderedTest#second PASSED",
                        "io.cloudist.fixtures.junit6.TemperatureTest#kelvin SKIPPED")
                .hasSize(11);
    }

    @Test
    void cloudistReportsWhatSurefireReportsAndPrintsWhatItPrints() {
        assertThat(builds.cloudist().succeeded()).as("%s", builds.cloudist()).isTrue();
        builds.assertCloudistReportsAndPrintsWhatSurefireDoes();
    }
}
