package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.ConsoleOutput;
import io.cloudist.its.harness.FixtureBuilds;
import io.cloudist.its.harness.ReportedOutcomes;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Tests that read their module's sources, POM and site, a sibling module's files and a file of the reactor's root,
 * by paths relative to the module: run from the reactor's root, locally, as Surefire runs them. (CloudFixturesIT
 * runs the same on the ec2 backend.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModuleFilesIT {
    private static final String FIXTURE = "module-files";

    private final FixtureBuilds builds = FixtureBuilds.fromSystemProperties();
    private BuildResult surefire;
    private BuildResult cloudist;

    @BeforeAll
    void buildWithSurefireAndCloudist() {
        surefire = builds.surefire(builds.copy(FIXTURE, "surefire"));
        cloudist = builds.cloudist(builds.copy(FIXTURE, "cloudist"), "-Dcloudist.workers=2");
    }

    @Test
    void surefireBaselinePasses() {
        assertThat(surefire.succeeded()).as("%s", surefire).isTrue();
        assertThat(surefire.reportedTests(app(surefire))).hasSize(6);
    }

    @Test
    void cloudistFindsTheSameFilesAndPrintsWhatSurefirePrints() {
        assertThat(cloudist.succeeded()).as("%s", cloudist).isTrue();
        assertThat(ReportedOutcomes.keys(cloudist.reportedTests(app(cloudist))))
                .containsExactlyElementsOf(ReportedOutcomes.keys(surefire.reportedTests(app(surefire))));
        assertThat(ConsoleOutput.classBlocks(cloudist)).isEqualTo(ConsoleOutput.classBlocks(surefire));
        // Surefire prints "No tests to run." for the sibling (a jar without tests) and nothing for the parent POM.
        assertThat(cloudist.lines().stream()
                        .filter(l -> l.equals("No tests to run."))
                        .count())
                .isEqualTo(surefire.lines().stream()
                        .filter(l -> l.equals("No tests to run."))
                        .count());
    }

    private static Path app(BuildResult build) {
        return build.project().resolve("app/target/surefire-reports");
    }
}
