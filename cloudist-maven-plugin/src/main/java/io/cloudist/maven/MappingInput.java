package io.cloudist.maven;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@link RunRequestMapper} reads, as plain values.
 *
 * @param sources the parameters' values by precedence
 * @param layout the module's directories and identity
 * @param testClasspathElements the project's test classpath elements
 * @param projectArtifacts the project's resolved test dependencies
 * @param lateProperties properties for {@code @{...}} in {@code argLine}: project properties overlaid with user ones
 * @param pluginArtifacts cloudist-maven-plugin's own resolved artifacts
 * @param resolver resolves JUnit Platform artifacts the project lacks
 */
record MappingInput(
        ParameterSources sources,
        ProjectLayout layout,
        List<String> testClasspathElements,
        List<ArtifactFile> projectArtifacts,
        Map<String, String> lateProperties,
        List<ArtifactFile> pluginArtifacts,
        DependencyResolver resolver) {
    MappingInput {
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(layout, "layout");
        testClasspathElements = List.copyOf(testClasspathElements);
        projectArtifacts = List.copyOf(projectArtifacts);
        lateProperties = Map.copyOf(lateProperties);
        pluginArtifacts = List.copyOf(pluginArtifacts);
        Objects.requireNonNull(resolver, "resolver");
    }
}
