package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.ConsoleOutput;
import io.cloudist.its.harness.FixtureBuilds;
import io.cloudist.its.harness.ReportedOutcomes;
import io.cloudist.its.harness.RerunElements;
import io.cloudist.its.harness.SurefireReports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Surefire's {@code rerunFailingTestsCount}, read from the fixture's Surefire configuration: a test that fails once
 * is a flake and the build passes on it; a test that always fails is run again twice and fails the build; both leave
 * the elements Surefire's reports have. Every build runs on a fresh copy, since the flaky test counts its runs in
 * {@code target}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlakyIT {
    private static final String FIXTURE = "flaky";
    private static final String PACKAGE = "io.cloudist.fixtures.flaky.";
    private static final String FLAKY = PACKAGE + "FlakyGreetingTest#greetsOnItsSecondTry";
    private static final String BROKEN = PACKAGE + "BrokenGreetingTest#alwaysGreetsTheWrongPerson";
    private static final String ONLY_FLAKY_CLASS = "-Dtest=FlakyGreetingTest";

    private final FixtureBuilds builds = FixtureBuilds.fromSystemProperties();
    private BuildResult surefire;
    private BuildResult cloudist;
    private BuildResult cloudistFlakesOnly;
    private BuildResult cloudistFailingOnFlakes;

    @BeforeAll
    void buildWithSurefireAndCloudist() {
        surefire = builds.surefire(builds.copy(FIXTURE, "surefire"));
        cloudist = builds.cloudist(builds.copy(FIXTURE, "cloudist"), "-Dcloudist.workers=2");
        cloudistFlakesOnly = builds.cloudist(builds.copy(FIXTURE, "flakes-only"), ONLY_FLAKY_CLASS);
        cloudistFailingOnFlakes = builds.cloudist(
                builds.copy(FIXTURE, "fail-on-flakes"), ONLY_FLAKY_CLASS, "-Dsurefire.failOnFlakeCount=1");
    }

    @Test
    void surefireBaselineHasAFlakeAndAFailureWithItsReruns() {
        assertThat(surefire.failed()).as("%s", surefire).isTrue();
        assertThat(SurefireReports.flakyRuns(surefire.reportsDirectory()))
                .containsExactly(FLAKY + " flakyFailure: the greeter was not ready on try 1");
        assertThat(RerunElements.read(surefire.reportsDirectory()))
                .filteredOn(element -> element.startsWith(BROKEN + " rerunFailure"))
                .hasSize(2);
    }

    @Test
    void cloudistFailsTheBuildOnTheTestThatAlwaysFails() {
        assertThat(cloudist.failed()).as("%s", cloudist).isTrue();
        assertThat(cloudist.log()).contains("There are test failures");
    }

    @Test
    void cloudistReportsTheSameOutcomesAsSurefire() {
        assertThat(ReportedOutcomes.keys(cloudist.reportedTests()))
                .as("%s", cloudist)
                .containsExactly(BROKEN + " FAILED", PACKAGE + "FlakyGreetingTest#greets PASSED", FLAKY + " PASSED")
                .containsExactlyElementsOf(ReportedOutcomes.keys(surefire.reportedTests()));
    }

    @Test
    void cloudistWritesTheFlakyAndRerunElementsSurefireWrites() {
        assertThat(SurefireReports.flakyRuns(cloudist.reportsDirectory()))
                .as("%s", cloudist)
                .containsExactlyElementsOf(SurefireReports.flakyRuns(surefire.reportsDirectory()));
        assertThat(RerunElements.read(cloudist.reportsDirectory()))
                .as("%s", cloudist)
                .containsExactlyElementsOf(RerunElements.read(surefire.reportsDirectory()))
                .hasSize(3);
    }

    @Test
    void cloudistPrintsTheFlakesInTheResultsBlockAsSurefireDoes() {
        assertThat(ConsoleOutput.resultsTotals(cloudist))
                .as("%s", cloudist)
                .isEqualTo("Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Flakes: 1")
                .isEqualTo(ConsoleOutput.resultsTotals(surefire));
        assertThat(cloudist.lines())
                .as("%s", cloudist)
                .contains("  Run 2: PASS")
                .anyMatch(line -> line.strip().equals("Flakes:"));
    }

    @Test
    void aBuildWhoseOnlyProblemIsAFlakePasses() {
        assertThat(cloudistFlakesOnly.succeeded()).as("%s", cloudistFlakesOnly).isTrue();
        assertThat(ConsoleOutput.resultsTotals(cloudistFlakesOnly))
                .isEqualTo("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Flakes: 1");
        assertThat(SurefireReports.flakyRuns(cloudistFlakesOnly.reportsDirectory()))
                .containsExactly(FLAKY + " flakyFailure: the greeter was not ready on try 1");
    }

    @Test
    void failOnFlakeCountFailsTheBuildInSurefiresWords() {
        assertThat(cloudistFailingOnFlakes.failed())
                .as("%s", cloudistFailingOnFlakes)
                .isTrue();
        assertThat(cloudistFailingOnFlakes.log()).contains("There is 1 flake and failOnFlakeCount is set to 1.");
    }
}
