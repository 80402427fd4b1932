package io.cloudist.maven;

import java.util.Objects;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;

/**
 * A module whose execution handed its tests to the reactor's run: what the run needs of it, and what its verdict
 * needs afterwards.
 *
 * @param project the module, the very object of {@code session.getProjects()} (Maven keys build results by identity)
 * @param execution the goal's execution in the module, which Maven's error names
 * @param run the module's mapped run: its request, {@code testFailureIgnore}, {@code failOnFlakeCount}, extension
 * @param console where the module's goal prints
 */
record ReactorModule(MavenProject project, MojoExecution execution, Mapping.Run run, RunConsole console) {
    ReactorModule {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(console, "console");
    }

    /** The module's name in messages: its artifactId, as Maven's reactor summary names it. */
    String name() {
        return project.getArtifactId();
    }

    /** The module's project key, {@code groupId:artifactId}, by which the run's outcome names it. */
    String projectKey() {
        return run.request().module().projectKey();
    }
}
