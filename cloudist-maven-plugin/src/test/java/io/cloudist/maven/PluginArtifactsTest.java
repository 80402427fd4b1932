package io.cloudist.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.core.CloudistException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginArtifactsTest {
    @Test
    void runnerIsFoundAndEveryArtifactIsOnTheWorkerClasspath() {
        ArtifactFile runner = new ArtifactFile("io.cloudist", "cloudist-runner", "1", Path.of("/r.jar"));
        ArtifactFile worker = new ArtifactFile("io.cloudist", "cloudist-worker", "1", Path.of("/w.jar"));
        ArtifactFile jackson =
                new ArtifactFile("com.fasterxml.jackson.core", "jackson-databind", "2", Path.of("/j.jar"));

        PluginArtifacts plugin = PluginArtifacts.of(List.of(worker, runner, jackson));

        assertThat(plugin.runnerJar()).isEqualTo(Path.of("/r.jar"));
        assertThat(plugin.workerClasspath()).containsExactly(Path.of("/w.jar"), Path.of("/r.jar"), Path.of("/j.jar"));
    }

    @Test
    void missingRunnerIsACloudistException() {
        assertThatThrownBy(() -> PluginArtifacts.of(List.of()))
                .isInstanceOf(CloudistException.class)
                .hasMessageContaining("cloudist-runner");
    }
}
