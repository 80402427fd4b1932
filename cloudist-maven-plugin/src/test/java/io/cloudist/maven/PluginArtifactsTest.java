package io.cloudist.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.core.CloudistException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginArtifactsTest {
    static final ArtifactFile PLUGIN = artifact("io.cloudist", "cloudist-maven-plugin");
    static final ArtifactFile RUNNER = artifact("io.cloudist", "cloudist-runner");
    static final ArtifactFile WORKER = artifact("io.cloudist", "cloudist-worker");
    static final ArtifactFile CORE = artifact("io.cloudist", "cloudist-core");
    static final ArtifactFile AWS = artifact("io.cloudist", "cloudist-aws");
    static final ArtifactFile SDK = artifact("software.amazon.awssdk", "s3");
    static final ArtifactFile JACKSON = artifact("com.fasterxml.jackson.core", "jackson-databind");
    static final ArtifactFile SLF4J = artifact("org.slf4j", "slf4j-api");
    static final ArtifactFile SLF4J_SIMPLE = artifact("org.slf4j", "slf4j-simple");
    static final ArtifactFile PLEXUS_UTILS = artifact("org.codehaus.plexus", "plexus-utils");

    @Test
    void runnerIsFound() {
        assertThat(PluginArtifacts.of(List.of(WORKER, RUNNER)).runnerJar()).isEqualTo(RUNNER.file());
    }

    @Test
    void workerClasspathKeepsWhatAWorkerNeedsToRunAloneInOrder() {
        PluginArtifacts plugin = PluginArtifacts.of(
                List.of(PLUGIN, CORE, JACKSON, SLF4J, WORKER, SLF4J_SIMPLE, RUNNER, AWS, SDK, PLEXUS_UTILS));

        assertThat(plugin.workerClasspath())
                .containsExactly(
                        CORE.file(),
                        JACKSON.file(),
                        SLF4J.file(),
                        WORKER.file(),
                        SLF4J_SIMPLE.file(),
                        AWS.file(),
                        SDK.file());
    }

    @Test
    void missingRunnerIsACloudistException() {
        assertThatThrownBy(() -> PluginArtifacts.of(List.of()))
                .isInstanceOf(CloudistException.class)
                .hasMessageContaining("cloudist-runner");
    }

    private static ArtifactFile artifact(String groupId, String artifactId) {
        return new ArtifactFile(groupId, artifactId, "1", Path.of("/repo/" + artifactId + ".jar"));
    }
}
