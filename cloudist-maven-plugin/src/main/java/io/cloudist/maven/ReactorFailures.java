package io.cloudist.maven;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.execution.BuildFailure;
import org.apache.maven.execution.BuildSummary;
import org.apache.maven.execution.MavenExecutionResult;
import org.apache.maven.lifecycle.LifecycleExecutionException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Reports the modules that a reactor's run fails to Maven, as Maven reports a goal that fails in a module: a
 * {@link BuildFailure} in place of the module's summary (the reactor summary then says FAILURE) and a
 * {@link LifecycleExecutionException} among the build's exceptions ("Failed to execute goal ... on project ..."), as
 * {@code mvn -fae test} with Surefire shows them. Applied when the session ends, once every project's own summary is
 * in: a summary Maven writes after it would replace the failure.
 */
final class ReactorFailures {
    private ReactorFailures() {}

    static void apply(List<ModuleFailure> failures, MavenExecutionResult result) {
        for (ModuleFailure failure : failures) {
            ReactorModule module = failure.module();
            LifecycleExecutionException exception =
                    new LifecycleExecutionException(module.execution(), module.project(), failure.cause());
            BuildSummary previous = result.getBuildSummary(module.project());
            if (!(previous instanceof BuildFailure)) {
                long time = previous == null ? 0 : previous.getTime();
                result.addBuildSummary(new BuildFailure(module.project(), time, exception));
            }
            result.addException(exception);
        }
    }

    /**
     * One exception that names every failing module, for the goal that ran the reactor's run to throw when the
     * failures cannot be reported module by module: a {@link MojoExecutionException} when any module's run could not
     * be carried out, else a {@link MojoFailureException}.
     */
    static Exception combined(List<ModuleFailure> failures) {
        String message = "The tests of " + failures.size() + (failures.size() == 1 ? " module" : " modules")
                + " failed:\n\n"
                + failures.stream()
                        .map(f -> f.module().name() + ": " + f.cause().getMessage())
                        .collect(Collectors.joining("\n\n"));
        return failures.stream().anyMatch(f -> f.cause() instanceof MojoExecutionException)
                ? new MojoExecutionException(message)
                : new MojoFailureException(message);
    }
}
