package io.cloudist.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The facts of the module and the build that the mapping needs.
 *
 * @param groupId the module's group id
 * @param artifactId the module's artifact id
 * @param basedir the module directory
 * @param buildDirectory {@code ${project.build.directory}}
 * @param testOutputDirectory {@code ${project.build.testOutputDirectory}}
 * @param outputDirectory {@code ${project.build.outputDirectory}}
 * @param javaHome the build's {@code java.home}
 * @param availableProcessors processors of this machine (the default number of workers)
 * @param projectRoot the project's root directory: the outermost of the module's directory, its parents' that hold it
 *     (a reactor's root) and the build's top-level project's
 * @param reactorBuildDirectories the build directories of the reactor's modules
 */
record ProjectLayout(
        String groupId,
        String artifactId,
        Path basedir,
        Path buildDirectory,
        Path testOutputDirectory,
        Path outputDirectory,
        Path javaHome,
        int availableProcessors,
        Path projectRoot,
        List<Path> reactorBuildDirectories) {
    ProjectLayout {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(basedir, "basedir");
        Objects.requireNonNull(buildDirectory, "buildDirectory");
        Objects.requireNonNull(testOutputDirectory, "testOutputDirectory");
        Objects.requireNonNull(javaHome, "javaHome");
        projectRoot = Objects.requireNonNullElse(projectRoot, basedir);
        reactorBuildDirectories = List.copyOf(reactorBuildDirectories);
    }

    /** A module that is its own project root. */
    ProjectLayout(
            String groupId,
            String artifactId,
            Path basedir,
            Path buildDirectory,
            Path testOutputDirectory,
            Path javaHome,
            int availableProcessors) {
        this(
                groupId,
                artifactId,
                basedir,
                buildDirectory,
                testOutputDirectory,
                buildDirectory.resolve("classes"),
                javaHome,
                availableProcessors,
                basedir,
                List.of(buildDirectory));
    }

    /** {@code value} as a path; relative ones are resolved against the module directory. */
    Path resolve(String value) {
        return basedir.resolve(value.trim()).normalize();
    }
}
