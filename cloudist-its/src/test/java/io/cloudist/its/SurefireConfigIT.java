package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.FixtureBuilds;
import io.cloudist.its.harness.ReportedOutcomes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * cloudist reads the module's maven-surefire-plugin configuration: the fixture's tests pass only if argLine (with a
 * late-replaced property), systemPropertyVariables, environmentVariables, includes, excludes, groups,
 * excludedGroups, additionalClasspathElements and workingDirectory are all honoured.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurefireConfigIT {
    private static final String FIXTURE = "surefire-config";
    private static final String SINGLE_TEST_FILTER = "JvmConfigurationCheck#argLineSetsSystemProperty";
    private static final String SINGLE_TEST = "io.cloudist.fixtures.config." + SINGLE_TEST_FILTER;

    private final FixtureBuilds builds = FixtureBuilds.fromSystemProperties();
    private BuildResult surefire;
    private BuildResult cloudist;
    private BuildResult cloudistSingleTest;

    @BeforeAll
    void buildWithSurefireAndCloudist() {
        surefire = builds.surefire(builds.copy(FIXTURE, "surefire"));
        cloudist = builds.cloudist(builds.copy(FIXTURE, "cloudist"), "-Dcloudist.workers=2");
        cloudistSingleTest = builds.cloudist(builds.copy(FIXTURE, "single-test"), "-Dtest=" + SINGLE_TEST_FILTER);
    }

    @Test
    void surefireBaselineRunsOnlyTheSelectedTestsAndTheyPass() {
        assertThat(surefire.succeeded()).as("%s", surefire).isTrue();
        assertThat(ReportedOutcomes.keys(surefire.reportedTests()))
                .hasSize(9)
                .allMatch(key -> key.endsWith(" PASSED"))
                .noneMatch(key -> key.contains("ExcludedCheck")
                        || key.contains("UntaggedCheck")
                        || key.contains("DefaultNamePatternTest")
                        || key.contains("excludedGroupDoesNotRun"));
    }

    @Test
    void cloudistBuildSucceeds() {
        assertThat(cloudist.succeeded()).as("%s", cloudist).isTrue();
    }

    @Test
    void cloudistRunsTheSameTestsAsSurefireAndTheyPass() {
        assertThat(ReportedOutcomes.keys(cloudist.reportedTests()))
                .as("%s", cloudist)
                .containsExactlyElementsOf(ReportedOutcomes.keys(surefire.reportedTests()));
    }

    @Test
    void testParameterReplacesIncludesAndRunsOnlyThatMethod() {
        assertThat(cloudistSingleTest.succeeded()).as("%s", cloudistSingleTest).isTrue();
        assertThat(ReportedOutcomes.keys(cloudistSingleTest.reportedTests()))
                .as("%s", cloudistSingleTest)
                .containsExactly(SINGLE_TEST + " PASSED");
    }
}
