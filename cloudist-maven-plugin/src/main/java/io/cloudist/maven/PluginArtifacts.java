package io.cloudist.maven;

import io.cloudist.core.CloudistException;
import java.nio.file.Path;
import java.util.List;

/**
 * What cloudist itself ships to workers, taken from the plugin's own resolved artifacts.
 *
 * @param runnerJar the cloudist-runner jar, added to each test JVM
 * @param workerClasspath every plugin artifact: cloudist-worker, cloudist-core and their dependencies
 */
record PluginArtifacts(Path runnerJar, List<Path> workerClasspath) {
    static final String RUNNER = "io.cloudist:cloudist-runner";

    PluginArtifacts {
        workerClasspath = List.copyOf(workerClasspath);
    }

    /** @throws CloudistException when the runner is not among {@code artifacts} */
    static PluginArtifacts of(List<ArtifactFile> artifacts) {
        Path runner = artifacts.stream()
                .filter(a -> a.key().equals(RUNNER))
                .map(ArtifactFile::file)
                .findFirst()
                .orElseThrow(() -> new CloudistException(
                        "The plugin's dependencies lack " + RUNNER + "; reinstall cloudist-maven-plugin."));
        return new PluginArtifacts(
                runner, artifacts.stream().map(ArtifactFile::file).toList());
    }
}
