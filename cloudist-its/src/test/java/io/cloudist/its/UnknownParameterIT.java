package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.FixtureBuilds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A misspelt {@code -Dcloudist.*} property or configuration element stops the build before any test runs, naming the
 * parameter it was probably meant to be. Maven 3.8 itself drops an unknown element without a word.
 */
class UnknownParameterIT {
    private static final String FIXTURE = "skip";

    private final FixtureBuilds builds = FixtureBuilds.fromSystemProperties();

    @BeforeEach
    void onlyCloudistChecksItsParameters() {
        assumeFalse(builds.environment().cloudistIsSurefire(), "Surefire does not check cloudist's parameters");
    }

    @Test
    void aMisspeltPropertyStopsTheBuild() {
        BuildResult cloudist = builds.cloudist(builds.copy(FIXTURE, "unknown-property"), "-Dcloudist.worker=2");

        assertThat(cloudist.failed()).as("%s", cloudist).isTrue();
        assertThat(cloudist.log()).contains("Unknown parameter -Dcloudist.worker: did you mean -Dcloudist.workers?");
        assertThat(cloudist.reportedTests()).isEmpty();
    }

    @Test
    void aMisspeltConfigurationElementStopsTheBuild() {
        BuildResult cloudist = builds.cloudist(builds.copy(FIXTURE, "unknown-element"), "-Pmisspelt");

        assertThat(cloudist.failed()).as("%s", cloudist).isTrue();
        assertThat(cloudist.log())
                .contains("Unknown element <worker> in the configuration of cloudist-maven-plugin: did you mean"
                        + " <workers>?");
        assertThat(cloudist.reportedTests()).isEmpty();
    }
}
