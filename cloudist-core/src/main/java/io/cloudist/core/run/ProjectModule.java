package io.cloudist.core.run;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The module whose tests run, and where the run keeps its outputs. Paths are on the coordinator's machine.
 *
 * @param projectKey {@code groupId:artifactId}; keys the timing history
 * @param directory the module's base directory
 * @param reportsDirectory where {@code TEST-*.xml} and {@code *.txt} go
 * @param workDirectory cloudist's own state ({@code target/cloudist}): timing history, local store, worker dirs
 */
public record ProjectModule(String projectKey, Path directory, Path reportsDirectory, Path workDirectory) {
    public ProjectModule {
        Objects.requireNonNull(projectKey, "projectKey");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(reportsDirectory, "reportsDirectory");
        Objects.requireNonNull(workDirectory, "workDirectory");
    }
}
