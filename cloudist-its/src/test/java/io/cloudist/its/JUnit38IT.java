package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.FixtureBuilds;
import io.cloudist.its.harness.ReportedOutcomes;
import io.cloudist.its.harness.SideBySide;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A project on JUnit 3.8.2 whose only include is a {@code TestAll} suite: Surefire runs it with its JUnit 3 provider;
 * cloudist runs it with JUnit 4.13.2 and the Vintage engine in the test JVM (the engine refuses JUnit 3.8) and names
 * the tests as that provider does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JUnit38IT {
    private BuildResult surefire;
    private BuildResult cloudist;
    private SideBySide builds;

    @BeforeAll
    void buildWithSurefireAndCloudist() {
        builds = SideBySide.build(FixtureBuilds.fromSystemProperties(), "junit38", "-Dcloudist.workers=2");
        surefire = builds.surefire();
        cloudist = builds.cloudist();
    }

    @Test
    void surefireBaselineUsesTheJUnit3ProviderOnTheSuite() {
        assertThat(surefire.succeeded()).as("%s", surefire).isTrue();
        assertThat(surefire.log()).contains("JUnit3Provider");
        assertThat(ReportedOutcomes.keys(surefire.reportedTests()))
                .containsExactlyInAnyOrder(
                        "io.cloudist.fixtures.junit38.StackTests#testPushThenPop PASSED",
                        "io.cloudist.fixtures.junit38.StackTests#testLastInFirstOut PASSED",
                        "io.cloudist.fixtures.junit38.EmptyStackTests#testNewStackIsEmpty PASSED",
                        "io.cloudist.fixtures.junit38.NamedStackTests#testHoldsItem[x] PASSED",
                        "io.cloudist.fixtures.junit38.NamedStackTests#testHoldsItem[yy] PASSED");
    }

    @Test
    void cloudistRunsTheSuiteAndReportsWhatSurefireReports() {
        assertThat(cloudist.succeeded()).as("%s", cloudist).isTrue();
        builds.assertCloudistReportsAndPrintsWhatSurefireDoes();
        assertThat(ReportedOutcomes.reportedClasses(cloudist.reportsDirectory()))
                .containsExactly("io.cloudist.fixtures.junit38.TestAll");
    }
}
