package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.FixtureBuilds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The skip properties keep a failing test from running, and the build passes. Surefire's own {@code <skip>} is not one
 * of them for cloudist: it is how a POM turns Surefire off where cloudist replaces it.
 */
class SkipIT {
    private static final String FIXTURE = "skip";

    private final FixtureBuilds builds = FixtureBuilds.fromSystemProperties();

    @Test
    void surefireBaselineFailsBecauseTheTestRuns() {
        BuildResult surefire = builds.surefire(builds.copy(FIXTURE, "surefire"));

        assertThat(surefire.failed()).as("%s", surefire).isTrue();
        assertThat(surefire.reportedTests()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-DskipTests", "-Dmaven.test.skip=true"})
    void surefiresSkipPropertiesSkipCloudist(String property) {
        String variant = property.substring("-D".length()).replace("=true", "");
        BuildResult cloudist = builds.cloudist(builds.copy(FIXTURE, variant), property);

        assertThat(cloudist.succeeded()).as("%s", cloudist).isTrue();
        assertThat(cloudist.reportedTests()).as("%s", cloudist).isEmpty();
    }

    @Test
    void surefiresSkipTestsElementSkipsCloudist() {
        BuildResult cloudist =
                builds.cloudist(builds.copy(FIXTURE, "surefire-skipTests"), "-Dfixture.surefire.skipTests=true");

        assertThat(cloudist.succeeded()).as("%s", cloudist).isTrue();
        assertThat(cloudist.reportedTests()).as("%s", cloudist).isEmpty();
    }

    @Test
    void surefiresOwnSkipElementDoesNotSkipCloudist() {
        assumeFalse(builds.environment().cloudistIsSurefire(), "Surefire's <skip> turns Surefire itself off");
        BuildResult cloudist = builds.cloudist(builds.copy(FIXTURE, "surefire-skip"), "-Dfixture.surefire.skip=true");

        assertThat(cloudist.failed()).as("the failing test ran: %s", cloudist).isTrue();
        assertThat(cloudist.reportedTests()).as("%s", cloudist).hasSize(1);
    }

    @Test
    void cloudistSkipSkipsCloudist() {
        assumeFalse(builds.environment().cloudistIsSurefire(), "cloudist.skip does not apply to Surefire");
        BuildResult cloudist = builds.cloudist(builds.copy(FIXTURE, "cloudist.skip"), "-Dcloudist.skip=true");

        assertThat(cloudist.succeeded()).as("%s", cloudist).isTrue();
        assertThat(cloudist.reportedTests()).as("%s", cloudist).isEmpty();
    }
}
