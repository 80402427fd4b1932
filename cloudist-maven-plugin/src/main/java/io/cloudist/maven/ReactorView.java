package io.cloudist.maven;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.execution.ProjectDependencyGraph;
import org.apache.maven.project.MavenProject;

/**
 * What the reactor's run reads of a Maven session. Under {@code -T} every project builds with a clone of the session,
 * and the clones share all of it.
 *
 * @param projects the projects of the build, in reactor order
 * @param result where Maven records each finished project's summary, and where the run records its failures
 * @param downstream the projects that depend on a project, directly or not
 * @param failureBehavior {@link MavenExecutionRequest#REACTOR_FAIL_FAST}, {@code _AT_END} or {@code _NEVER}
 * @param root the top-level project, else the first: where the run keeps what it writes of its own
 */
record ReactorView(
        List<MavenProject> projects,
        MavenExecutionResult result,
        Function<MavenProject, List<MavenProject>> downstream,
        String failureBehavior,
        MavenProject root) {
    ReactorView {
        projects = List.copyOf(projects);
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(downstream, "downstream");
        failureBehavior = Objects.requireNonNullElse(failureBehavior, MavenExecutionRequest.REACTOR_FAIL_FAST);
        Objects.requireNonNull(root, "root");
    }

    static ReactorView of(MavenSession session) {
        ProjectDependencyGraph graph = session.getProjectDependencyGraph();
        List<MavenProject> projects = session.getProjects();
        MavenProject top = session.getTopLevelProject();
        return new ReactorView(
                projects,
                session.getResult(),
                graph == null ? p -> List.of() : p -> graph.getDownstreamProjects(p, true),
                session.getReactorFailureBehavior(),
                top != null ? top : projects.get(0));
    }

    boolean failFast() {
        return MavenExecutionRequest.REACTOR_FAIL_FAST.equals(failureBehavior);
    }

    boolean failNever() {
        return MavenExecutionRequest.REACTOR_FAIL_NEVER.equals(failureBehavior);
    }
}
