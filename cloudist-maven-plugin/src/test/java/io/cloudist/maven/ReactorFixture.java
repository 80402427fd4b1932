package io.cloudist.maven;

import io.cloudist.core.jvm.TestJvmSpec;
import io.cloudist.core.report.Summary;
import io.cloudist.core.run.ProjectModule;
import io.cloudist.core.run.ReactorOutcome;
import io.cloudist.core.run.ReactorOutcome.ModuleOutcome;
import io.cloudist.core.run.ReactorRequest;
import io.cloudist.core.run.RunOutcome;
import io.cloudist.core.run.RunRequest;
import io.cloudist.core.run.Scheduling;
import io.cloudist.core.run.Shipping;
import io.cloudist.core.select.TestSelection;
import io.cloudist.core.ship.ProjectTree;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;

/**
 * A reactor of plain objects for the reactor-run tests, without Maven running: a {@code pom} parent and modules a, b
 * and c (c depends on b), a real build result, and a fake run that gives each module the totals set for it.
 */
final class ReactorFixture implements ReactorRun.Runner {
    static final Path BASE = Path.of("/build/shop");

    final DefaultMavenExecutionResult result = new DefaultMavenExecutionResult();
    final MavenProject root = project("shop", BASE);
    final MavenProject a = project("a", BASE.resolve("a"));
    final MavenProject b = project("b", BASE.resolve("b"));
    final MavenProject c = project("c", BASE.resolve("c"));
    final List<MavenProject> projects = List.of(root, a, b, c);
    final Map<MavenProject, List<MavenProject>> downstream = new IdentityHashMap<>(Map.of(b, List.of(c)));
    final Map<String, Summary> summaries = new HashMap<>();
    final List<ReactorRequest> runs = new ArrayList<>();
    final List<String> warmedUp = new ArrayList<>();

    ReactorView view(String failureBehavior) {
        return new ReactorView(projects, result, p -> downstream.getOrDefault(p, List.of()), failureBehavior, root);
    }

    ReactorView view() {
        return view(MavenExecutionRequest.REACTOR_FAIL_FAST);
    }

    /** A module whose tests were mapped to a run, logging to {@code log}. */
    ReactorModule module(MavenProject project, RecordingLog log) {
        return module(project, log, false);
    }

    ReactorModule module(MavenProject project, RecordingLog log, boolean testFailureIgnore) {
        RunRequest request = request(project);
        PrintStream out = new PrintStream(OutputStream.nullOutputStream());
        return new ReactorModule(
                project,
                execution(),
                new Mapping.Run(request, testFailureIgnore, 0, CloudExtension.none(), List.of()),
                new RunConsole(log, false, out, out));
    }

    @Override
    public synchronized void warmUp(ReactorModule module) {
        warmedUp.add(module.projectKey());
    }

    @Override
    public synchronized ReactorOutcome run(ReactorRequest request, ReactorModule lead) {
        runs.add(request);
        return new ReactorOutcome(request.modules().stream()
                .map(m -> new ModuleOutcome(
                        m.module().projectKey(),
                        new RunOutcome(
                                summaries.getOrDefault(m.module().projectKey(), new Summary(2, 0, 0, 0, 0)),
                                m.module().reportsDirectory()),
                        ""))
                .toList());
    }

    static MavenProject project(String artifactId, Path directory) {
        MavenProject project = new MavenProject();
        project.setGroupId("com.acme");
        project.setArtifactId(artifactId);
        project.setVersion("1.0");
        project.setFile(new File(directory.toFile(), "pom.xml"));
        project.getBuild().setDirectory(directory.resolve("target").toString());
        return project;
    }

    static RunRequest request(MavenProject project) {
        Path directory = project.getBasedir().toPath();
        Path testClasses = directory.resolve("target/test-classes");
        return new RunRequest(
                new ProjectModule(
                        "com.acme:" + project.getArtifactId(),
                        directory,
                        directory.resolve("target/surefire-reports"),
                        directory.resolve("target/cloudist")),
                new TestJvmSpec(Path.of("/jdk/bin/java"), "", Map.of(), Map.of(), directory, List.of(testClasses)),
                new TestSelection(List.of(testClasses), List.of(), List.of(), "", "", ""),
                Scheduling.forProcessors(4).build(),
                null,
                new Shipping(
                        Path.of("/plugin/runner.jar"),
                        List.of(),
                        List.of(),
                        new ProjectTree(BASE, List.of(), List.of())),
                null,
                null,
                null,
                null,
                Set.of());
    }

    static MojoExecution execution() {
        PluginDescriptor plugin = new PluginDescriptor();
        plugin.setGroupId("io.cloudist");
        plugin.setArtifactId("cloudist-maven-plugin");
        plugin.setVersion("0.1.0");
        MojoDescriptor mojo = new MojoDescriptor();
        mojo.setGoal("test");
        mojo.setPluginDescriptor(plugin);
        return new MojoExecution(mojo, "default-cli");
    }
}
