package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.ConsoleOutput;
import io.cloudist.its.harness.FixtureBuilds;
import io.cloudist.its.harness.ReportedOutcomes;
import io.cloudist.its.harness.SideBySide;
import io.cloudist.its.harness.SurefireReports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A project on plain JUnit 4, with no JUnit Platform engine of its own, gets the answer of Surefire's JUnit 4
 * provider: suites (reported under the suite, each test under its own class), {@code @Parameterized}, {@code @Ignore},
 * Theories, a custom runner that names its tests, and JUnit 3 tests whose {@code getName()} adds a suffix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JUnit4OnlyIT {
    private BuildResult surefire;
    private BuildResult cloudist;
    private SideBySide builds;

    @BeforeAll
    void buildWithSurefireAndCloudist() {
        builds = SideBySide.build(FixtureBuilds.fromSystemProperties(), "junit4-only", "-Dcloudist.workers=2");
        surefire = builds.surefire();
        cloudist = builds.cloudist();
    }

    @Test
    void surefireBaselineUsesTheJUnit4Provider() {
        assertThat(surefire.succeeded()).as("%s", surefire).isTrue();
        assertThat(surefire.log()).contains("JUnit4Provider");
        assertThat(ReportedOutcomes.keys(surefire.reportedTests()))
                .hasSize(25)
                .contains(
                        "io.cloudist.fixtures.junit4.SquaresTest#squares[2 squared is 4] PASSED",
                        "io.cloudist.fixtures.junit4.ArithmeticTest#isIgnored SKIPPED",
                        "io.cloudist.fixtures.junit4.ArithmeticTest#isAbortedByAnAssumption SKIPPED",
                        "io.cloudist.fixtures.junit4.Doubling#doubles PASSED",
                        "io.cloudist.fixtures.junit4.SuffixedNameTester#testIsNotEmpty[LinkedList [size: 10]] PASSED",
                        "io.cloudist.fixtures.junit4.CustomRunnerTest#NAMEDBYTHERUNNER (custom) PASSED");
        // Surefire counts a test that two reports hold once, unless it passed: then every passing run counts.
        assertThat(ConsoleOutput.resultsTotals(surefire))
                .isEqualTo("Tests run: 23, Failures: 0, Errors: 0, Skipped: 3");
    }

    @Test
    void cloudistBuildSucceeds() {
        assertThat(cloudist.succeeded()).as("%s", cloudist).isTrue();
    }

    @Test
    void cloudistReportsTheSameTestsWithTheSameOutcomesAsSurefire() {
        builds.assertCloudistReportsAndPrintsWhatSurefireDoes();
    }

    @Test
    void cloudistWritesSkipsAsTheJUnit4ProviderDoes() {
        assertThat(SurefireReports.skippedElements(cloudist.reportsDirectory()))
                .as("%s", cloudist)
                .isEqualTo(SurefireReports.skippedElements(surefire.reportsDirectory()));
    }
}
