package io.cloudist.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.report.SurefireProvider;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JUnitPlatformArtifactsTest {
    static ArtifactFile artifact(String groupId, String artifactId, String version) {
        return new ArtifactFile(groupId, artifactId, version, Path.of("/repo/" + artifactId + "-" + version + ".jar"));
    }

    @Test
    void addsTheLauncherMatchingThePlatformEngine() {
        List<ArtifactFile> artifacts = List.of(
                artifact("org.junit.jupiter", "junit-jupiter-engine", "5.11.4"),
                artifact("org.junit.platform", "junit-platform-engine", "1.11.4"));

        assertThat(JUnitPlatformArtifacts.missing(artifacts))
                .containsExactly("org.junit.platform:junit-platform-launcher:1.11.4");
    }

    @Test
    void addsNothingWhenTheLauncherIsPresent() {
        List<ArtifactFile> artifacts = List.of(
                artifact("org.junit.platform", "junit-platform-engine", "6.0.3"),
                artifact("org.junit.platform", "junit-platform-launcher", "6.0.3"));

        assertThat(JUnitPlatformArtifacts.missing(artifacts)).isEmpty();
    }

    @Test
    void addsTheJupiterEngineWhenOnlyItsApiIsDeclared() {
        List<ArtifactFile> artifacts = List.of(
                artifact("org.junit.jupiter", "junit-jupiter-api", "5.10.2"),
                artifact("org.junit.platform", "junit-platform-commons", "1.10.2"));

        assertThat(JUnitPlatformArtifacts.missing(artifacts))
                .containsExactly(
                        "org.junit.jupiter:junit-jupiter-engine:5.10.2",
                        "org.junit.platform:junit-platform-launcher:1.10.2");
    }

    @Test
    void plainJUnit4GetsTheVintageEngineAndLauncher() {
        List<ArtifactFile> artifacts = List.of(artifact("junit", "junit", "4.13.2"));

        assertThat(JUnitPlatformArtifacts.missing(artifacts))
                .containsExactly(
                        "org.junit.vintage:junit-vintage-engine:5.14.1",
                        "org.junit.platform:junit-platform-launcher:1.14.1");
        assertThat(JUnitPlatformArtifacts.hasJUnit(artifacts)).isTrue();
    }

    @Test
    void projectWithoutJUnitNeedsNothingAndHasNoJUnit() {
        List<ArtifactFile> artifacts = List.of(artifact("org.testng", "testng", "7.10"));

        assertThat(JUnitPlatformArtifacts.missing(artifacts)).isEmpty();
        assertThat(JUnitPlatformArtifacts.hasJUnit(artifacts)).isFalse();
    }

    @Test
    void aJUnit4ProjectIsRunAsSurefiresJUnit4ProviderRunsIt() {
        JUnitPlatformArtifacts.Setup setup =
                JUnitPlatformArtifacts.setup(List.of(artifact("junit", "junit", "4.13.2")), "junit:junit");

        assertThat(setup.provider()).isEqualTo(SurefireProvider.JUNIT4);
        assertThat(setup.replaced()).isEmpty();
    }

    @Test
    void aJUnitOlderThanTheVintageEnginesMinimumIsReplacedByJUnit4() {
        JUnitPlatformArtifacts.Setup junit3 =
                JUnitPlatformArtifacts.setup(List.of(artifact("junit", "junit", "3.8.2")), "junit:junit");
        JUnitPlatformArtifacts.Setup junit411 =
                JUnitPlatformArtifacts.setup(List.of(artifact("junit", "junit", "4.11")), "junit:junit");

        assertThat(junit3.provider()).isEqualTo(SurefireProvider.JUNIT3);
        assertThat(junit3.replaced()).contains("junit:junit");
        assertThat(junit3.missing())
                .containsExactly(
                        "junit:junit:4.13.2",
                        "org.hamcrest:hamcrest-core:1.3",
                        "org.junit.vintage:junit-vintage-engine:5.14.1",
                        "org.junit.platform:junit-platform-launcher:1.14.1");
        assertThat(junit411.provider()).isEqualTo(SurefireProvider.JUNIT4);
        assertThat(junit411.replaced()).contains("junit:junit");
    }

    @Test
    void junitArtifactNameNamesTheProjectsJUnit() {
        List<ArtifactFile> artifacts = List.of(artifact("com.example", "junit-repackaged", "4.13.2"));

        assertThat(JUnitPlatformArtifacts.hasJUnit(artifacts)).isFalse();
        assertThat(JUnitPlatformArtifacts.hasJUnit(artifacts, "com.example:junit-repackaged"))
                .isTrue();
        assertThat(JUnitPlatformArtifacts.setup(artifacts, "com.example:junit-repackaged")
                        .provider())
                .isEqualTo(SurefireProvider.JUNIT4);
    }

    @Test
    void anyJUnitPlatformArtifactMeansThePlatformProviderEvenBesideJUnit4() {
        List<ArtifactFile> artifacts = List.of(
                artifact("junit", "junit", "4.13.2"),
                artifact("org.junit.vintage", "junit-vintage-engine", "5.14.1"),
                artifact("org.junit.platform", "junit-platform-engine", "1.14.1"),
                artifact("org.junit.platform", "junit-platform-commons", "1.14.1"));

        assertThat(JUnitPlatformArtifacts.setup(artifacts, "junit:junit").provider())
                .isEqualTo(SurefireProvider.JUNIT_PLATFORM);
    }
}
