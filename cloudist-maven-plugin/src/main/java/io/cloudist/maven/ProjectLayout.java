package io.cloudist.maven;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The facts of the module and the build that the mapping needs.
 *
 * @param groupId the module's group id
 * @param artifactId the module's artifact id
 * @param basedir the module directory
 * @param buildDirectory {@code ${project.build.directory}}
 * @param testOutputDirectory {@code ${project.build.testOutputDirectory}}
 * @param javaHome the build's {@code java.home}
 * @param availableProcessors processors of this machine (the default number of workers)
 */
record ProjectLayout(
        String groupId,
        String artifactId,
        Path basedir,
        Path buildDirectory,
        Path testOutputDirectory,
        Path javaHome,
        int availableProcessors) {
    ProjectLayout {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(basedir, "basedir");
        Objects.requireNonNull(buildDirectory, "buildDirectory");
        Objects.requireNonNull(testOutputDirectory, "testOutputDirectory");
        Objects.requireNonNull(javaHome, "javaHome");
    }

    /** {@code value} as a path; relative ones are resolved against the module directory. */
    Path resolve(String value) {
        return basedir.resolve(value.trim()).normalize();
    }
}
