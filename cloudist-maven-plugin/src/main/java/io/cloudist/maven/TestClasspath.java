package io.cloudist.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The test JVM's classpath, as Surefire builds it. */
final class TestClasspath {
    private TestClasspath() {}

    /**
     * The project's test classpath without the files of {@code dependencyExcludes}, then the additional elements,
     * then {@code extras} (JUnit Platform artifacts the project lacks).
     *
     * @param elements the project's test classpath elements: test classes, classes, dependencies
     * @param artifacts the project's resolved dependencies, to find the files of excluded ones
     * @param dependencyExcludes {@code groupId:artifactId} entries; {@code *} matches any part
     * @param additionalElements extra entries; each may hold several, comma-separated
     */
    static List<Path> of(
            ProjectLayout layout,
            List<String> elements,
            List<ArtifactFile> artifacts,
            List<String> dependencyExcludes,
            List<String> additionalElements,
            List<ArtifactFile> extras) {
        Set<Path> excluded = new LinkedHashSet<>();
        for (ArtifactFile artifact : artifacts) {
            if (dependencyExcludes.stream().anyMatch(exclude -> matches(exclude, artifact))) {
                excluded.add(artifact.file().toAbsolutePath().normalize());
            }
        }
        Set<Path> classpath = new LinkedHashSet<>();
        for (String element : elements) {
            Path path = layout.resolve(element);
            if (!excluded.contains(path)) {
                classpath.add(path);
            }
        }
        for (String additional : additionalElements) {
            for (String entry : additional.split(",")) {
                if (!entry.isBlank()) {
                    classpath.add(layout.resolve(entry));
                }
            }
        }
        extras.forEach(extra -> classpath.add(extra.file().toAbsolutePath().normalize()));
        return new ArrayList<>(classpath);
    }

    private static boolean matches(String exclude, ArtifactFile artifact) {
        String[] parts = exclude.trim().split(":");
        return parts.length >= 2 && part(parts[0], artifact.groupId()) && part(parts[1], artifact.artifactId());
    }

    private static boolean part(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value);
    }
}
