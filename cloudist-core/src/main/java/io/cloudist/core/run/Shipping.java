package io.cloudist.core.run;

import io.cloudist.core.ship.ProjectTree;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a run ships to its workers besides the test classpath.
 *
 * @param runnerJar the cloudist-runner jar, added to every test JVM's classpath
 * @param workerClasspath the worker agent's classpath (cloudist-worker and its dependencies)
 * @param extraFiles globs relative to the module directory, shipped to the same paths on the workers
 * @param projectTree the project's files, shipped to workers that run elsewhere (local workers run in place)
 */
public record Shipping(Path runnerJar, List<Path> workerClasspath, List<String> extraFiles, ProjectTree projectTree) {
    public Shipping {
        Objects.requireNonNull(runnerJar, "runnerJar");
        workerClasspath = List.copyOf(workerClasspath);
        extraFiles = List.copyOf(extraFiles);
        Objects.requireNonNull(projectTree, "projectTree");
    }
}
