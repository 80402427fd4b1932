package io.cloudist.its.harness;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the integration tests find Maven, the fixture projects and the repository cloudist was installed into.
 * The build passes each as a {@code cloudist.its.*} system property (see this module's pom.xml).
 *
 * @param mavenHome the Maven installation the builds run with (the one running this build)
 * @param settings the filtered settings.xml of the builds
 * @param repository the local repository of the builds, holding cloudist-maven-plugin
 * @param projects the fixture projects, {@code src/it/projects}
 * @param examples the repository's {@code examples} directory
 * @param work where fixture copies and build logs go
 * @param version cloudist's version, filtered into the fixture POMs
 * @param cloudistGoal the goal run as cloudist; {@code test} runs Surefire instead, to check the harness itself
 */
public record ItEnvironment(
        Path mavenHome,
        Path settings,
        Path repository,
        Path projects,
        Path examples,
        Path work,
        String version,
        String cloudistGoal) {

    public ItEnvironment {
        Objects.requireNonNull(mavenHome, "mavenHome");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(projects, "projects");
        Objects.requireNonNull(examples, "examples");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(cloudistGoal, "cloudistGoal");
    }

    /** Reads the {@code cloudist.its.*} system properties that failsafe sets. */
    public static ItEnvironment fromSystemProperties() {
        return new ItEnvironment(
                path("cloudist.its.mavenHome"),
                path("cloudist.its.settings"),
                path("cloudist.its.repository"),
                path("cloudist.its.projects"),
                path("cloudist.its.examples"),
                path("cloudist.its.work"),
                property("cloudist.its.version"),
                property("cloudist.its.goal"));
    }

    /** Whether the goal under test is Surefire's, i.e. the harness is checking itself. */
    public boolean cloudistIsSurefire() {
        return !cloudistGoal.startsWith("cloudist:") && !cloudistGoal.contains("cloudist-maven-plugin");
    }

    private static Path path(String key) {
        return Path.of(property(key)).toAbsolutePath().normalize();
    }

    private static String property(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "System property " + key + " is not set: run the integration tests with mvn verify");
        }
        return value;
    }
}
