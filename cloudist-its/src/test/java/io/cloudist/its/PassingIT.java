package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.ConsoleOutput;
import io.cloudist.its.harness.FixtureBuilds;
import io.cloudist.its.harness.Outcomes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Invariant 3 on a green project: the same tests with the same outcomes as Surefire. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PassingIT {
    private static final String FIXTURE = "passing";

    private final FixtureBuilds builds = FixtureBuilds.fromSystemProperties();
    private BuildResult surefire;
    private BuildResult cloudist;

    @BeforeAll
    void buildWithSurefireAndCloudist() {
        surefire = builds.surefire(builds.copy(FIXTURE, "surefire"));
        cloudist = builds.cloudist(builds.copy(FIXTURE, "cloudist"), "-Dcloudist.workers=2");
    }

    @Test
    void surefireBaselineRunsNestedParameterizedAndDynamicTests() {
        assertThat(surefire.succeeded()).as("%s", surefire).isTrue();
        assertThat(Outcomes.keys(surefire.reportedTests()))
                .hasSize(20)
                .contains(
                        "io.cloudist.fixtures.passing.NestedGreeterTest$InEnglish$Formally#addsTitle PASSED",
                        "io.cloudist.fixtures.passing.ParameterizedGreeterTest#greetsEveryName(String)[3] PASSED",
                        "io.cloudist.fixtures.passing.ParameterizedGreeterTest#greetsDynamically()[2] PASSED",
                        "io.cloudist.fixtures.passing.GreeterTest#disabledGreeting SKIPPED");
        assertThat(ConsoleOutput.topLevelClassesWithResultLine(surefire))
                .isEqualTo(Outcomes.reportedClasses(surefire.reportsDirectory()));
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
    }

    @Test
    void cloudistWritesOneReportPerTopLevelClassAsSurefireDoes() {
        assertThat(Outcomes.reportedClasses(cloudist.reportsDirectory()))
                .as("%s", cloudist)
                .isEqualTo(Outcomes.reportedClasses(surefire.reportsDirectory()));
    }

    @Test
    void cloudistPrintsAResultLinePerClassAndTheTotals() {
        assertThat(ConsoleOutput.topLevelClassesWithResultLine(cloudist))
                .as("%s", cloudist)
                .containsExactlyElementsOf(ConsoleOutput.topLevelClassesWithResultLine(surefire));
        assertThat(ConsoleOutput.resultsTotals(cloudist))
                .as("%s", cloudist)
                .isEqualTo(ConsoleOutput.resultsTotals(surefire))
                .isEqualTo(ConsoleOutput.totalsOf(surefire.reportedTests()));
    }
}
