package io.cloudist.maven;

import io.cloudist.core.CloudistException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What cloudist itself ships to workers, taken from the plugin's own resolved artifacts.
 *
 * @param runnerJar the cloudist-runner jar, added to each test JVM
 * @param workerClasspath what a worker needs to run alone on another machine: cloudist-worker, cloudist-core,
 *     cloudist-aws and their runtime dependencies (the AWS SDK, Jackson, slf4j; the worker has its own slf4j binding)
 */
record PluginArtifacts(Path runnerJar, List<Path> workerClasspath) {
    static final String RUNNER = "io.cloudist:cloudist-runner";

    /**
     * Plugin artifacts a worker does not load: the plugin itself, the runner (shipped with the test classpath) and
     * plexus-utils, which some Maven versions add to every plugin.
     */
    static final Set<String> NOT_FOR_WORKERS =
            Set.of("io.cloudist:cloudist-maven-plugin", RUNNER, "org.codehaus.plexus:plexus-utils");

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
                runner,
                artifacts.stream()
                        .filter(a -> !NOT_FOR_WORKERS.contains(a.key()))
                        .map(ArtifactFile::file)
                        .toList());
    }
}
