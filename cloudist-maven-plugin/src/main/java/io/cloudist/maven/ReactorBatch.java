package io.cloudist.maven;

import io.cloudist.core.run.ProjectModule;
import io.cloudist.core.run.ReactorRequest;
import io.cloudist.core.run.RunRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.maven.project.MavenProject;

/**
 * The modules of one reactor run, and the one whose settings the run as a whole takes.
 *
 * @param modules the collected modules in the order of {@code session.getProjects()}
 * @param lead the module whose request gives the run's settings (workers, store, backend, the worker's jars): the
 *     last one collected, whose execution usually starts the run
 */
record ReactorBatch(List<ReactorModule> modules, ReactorModule lead) {
    ReactorBatch {
        modules = List.copyOf(modules);
        Objects.requireNonNull(lead, "lead");
        if (modules.isEmpty()) {
            throw new IllegalArgumentException("A reactor run has at least one module");
        }
    }

    /**
     * The request of the run: {@code lead}'s settings, with {@code root}'s directories for what the run keeps of its
     * own (timeline, local store, local workers), and each module's own request.
     */
    ReactorRequest request(ProjectModule root) {
        return new ReactorRequest(
                withModule(lead.run().request(), root),
                modules.stream().map(m -> m.run().request()).toList());
    }

    /**
     * The reactor's root as a module of the run: its key and directory, its {@code surefire-reports} and its
     * {@code cloudist} directory in its build directory.
     *
     * @param root the top-level project of the session, else its first
     */
    static ProjectModule rootModule(MavenProject root) {
        Path buildDirectory = Path.of(root.getBuild().getDirectory());
        return new ProjectModule(
                root.getGroupId() + ":" + root.getArtifactId(),
                root.getBasedir().toPath().toAbsolutePath().normalize(),
                buildDirectory.resolve("surefire-reports"),
                buildDirectory.resolve("cloudist"));
    }

    /** The modules' names, comma-separated, for messages. */
    String names() {
        return names(modules);
    }

    static String names(List<ReactorModule> modules) {
        return modules.stream().map(ReactorModule::name).collect(Collectors.joining(", "));
    }

    private static RunRequest withModule(RunRequest request, ProjectModule module) {
        return new RunRequest(
                module,
                request.testJvm(),
                request.selection(),
                request.scheduling(),
                request.forks(),
                request.shipping(),
                request.store(),
                request.failurePolicy(),
                request.cloud(),
                request.reportStyle(),
                request.allowedSecrets());
    }
}
