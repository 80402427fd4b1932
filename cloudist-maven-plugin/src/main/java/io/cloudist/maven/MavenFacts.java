package io.cloudist.maven;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

/** Gathers, from Maven's objects, the plain values {@link RunRequestMapper} reads. */
final class MavenFacts {
    private MavenFacts() {}

    /**
     * @param executedProject the project of the forked lifecycle, else {@code project}
     * @param configuration cloudist's own configuration, by POM element
     */
    static MappingInput input(
            MavenProject project,
            MavenProject executedProject,
            MavenSession session,
            MojoExecution execution,
            List<Artifact> pluginArtifacts,
            RepositorySystem repositorySystem,
            Map<String, Object> configuration)
            throws MojoExecutionException {
        Map<String, String> userProperties = strings(session.getUserProperties());
        ParameterSources sources = new ParameterSources(
                userProperties,
                configuration,
                SurefireConfiguration.of(project, session, execution),
                fallbackProperties(project, session));
        Map<String, String> lateProperties = strings(executedProject.getProperties());
        lateProperties.putAll(userProperties);
        return new MappingInput(
                sources,
                layout(project),
                testClasspathElements(project),
                artifactFiles(List.copyOf(project.getArtifacts())),
                lateProperties,
                artifactFiles(pluginArtifacts),
                new MavenDependencyResolver(
                        repositorySystem, session.getRepositorySession(), project.getRemoteProjectRepositories()));
    }

    /**
     * The parameter sources of a goal that reads no Surefire configuration and may run without a project.
     *
     * @param configuration the goal's own configuration, by POM element
     */
    static ParameterSources sources(MavenSession session, Map<String, Object> configuration) {
        return new ParameterSources(
                strings(session.getUserProperties()),
                configuration,
                Map.of(),
                fallbackProperties(session.getCurrentProject(), session));
    }

    /** Project properties (when there is a project) overlaid with system properties. */
    private static Map<String, String> fallbackProperties(MavenProject project, MavenSession session) {
        Map<String, String> fallback = strings(project == null ? null : project.getProperties());
        fallback.putAll(strings(session.getSystemProperties()));
        return fallback;
    }

    private static ProjectLayout layout(MavenProject project) {
        return new ProjectLayout(
                project.getGroupId(),
                project.getArtifactId(),
                project.getBasedir().toPath(),
                Path.of(project.getBuild().getDirectory()),
                Path.of(project.getBuild().getTestOutputDirectory()),
                Path.of(System.getProperty("java.home")),
                Runtime.getRuntime().availableProcessors());
    }

    private static List<String> testClasspathElements(MavenProject project) throws MojoExecutionException {
        try {
            return project.getTestClasspathElements();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("The test classpath is not resolved: " + e.getMessage(), e);
        }
    }

    static List<ArtifactFile> artifactFiles(List<Artifact> artifacts) {
        return artifacts.stream()
                .filter(a -> a.getFile() != null)
                .map(a -> new ArtifactFile(
                        a.getGroupId(),
                        a.getArtifactId(),
                        a.getVersion(),
                        a.getFile().toPath()))
                .toList();
    }

    private static Map<String, String> strings(Properties properties) {
        Map<String, String> map = new HashMap<>();
        if (properties != null) {
            properties
                    .stringPropertyNames()
                    .forEach(name -> map.put(name, Objects.toString(properties.getProperty(name), "")));
        }
        return map;
    }
}
