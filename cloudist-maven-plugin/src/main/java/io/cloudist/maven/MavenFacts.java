package io.cloudist.maven;

import java.nio.file.Path;
import java.util.ArrayList;
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
                layout(project, session),
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

    private static ProjectLayout layout(MavenProject project, MavenSession session) {
        Path basedir = project.getBasedir().toPath().toAbsolutePath().normalize();
        List<Path> buildDirectories = new ArrayList<>();
        buildDirectories.add(Path.of(project.getBuild().getDirectory()));
        for (MavenProject other : session.getProjects()) {
            buildDirectories.add(Path.of(other.getBuild().getDirectory()));
        }
        return new ProjectLayout(
                project.getGroupId(),
                project.getArtifactId(),
                basedir,
                Path.of(project.getBuild().getDirectory()),
                Path.of(project.getBuild().getTestOutputDirectory()),
                Path.of(project.getBuild().getOutputDirectory()),
                Path.of(System.getProperty("java.home")),
                Runtime.getRuntime().availableProcessors(),
                projectRoot(project, session),
                buildDirectories);
    }

    /**
     * The outermost directory among the module's, its local parents' (the parent POMs read from the file system,
     * which hold the module) and the top-level project's, when they hold the module: the reactor's root, also when
     * Maven runs on one module with {@code -f} or {@code -pl}.
     */
    private static Path projectRoot(MavenProject project, MavenSession session) {
        Path basedir = project.getBasedir().toPath().toAbsolutePath().normalize();
        Path root = basedir;
        for (MavenProject parent = project.getParent(); parent != null; parent = parent.getParent()) {
            if (parent.getBasedir() == null) {
                break;
            }
            Path candidate = parent.getBasedir().toPath().toAbsolutePath().normalize();
            if (basedir.startsWith(candidate) && candidate.getNameCount() < root.getNameCount()) {
                root = candidate;
            }
        }
        MavenProject top = session.getTopLevelProject();
        if (top != null && top.getBasedir() != null) {
            Path candidate = top.getBasedir().toPath().toAbsolutePath().normalize();
            if (basedir.startsWith(candidate) && candidate.getNameCount() < root.getNameCount()) {
                root = candidate;
            }
        }
        return root;
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
