package io.cloudist.maven;

import io.cloudist.core.run.ReactorOutcome;
import io.cloudist.core.run.ReactorOutcome.ModuleOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Judges each module of a reactor's run as {@link Outcomes#check} judges a run of one module: test failures or
 * errors, too many flakes, no test with {@code failIfNoTests}, or a failure of the module's own that the run reports
 * (Surefire's "No tests to run!"). {@code testFailureIgnore} turns a module's test failures into an error line in its
 * log, as it does for a module's own run.
 */
final class ReactorVerdicts {
    private ReactorVerdicts() {}

    /** The modules that fail, in the order of {@code modules}. */
    static List<ModuleFailure> failures(List<ReactorModule> modules, ReactorOutcome outcome) {
        List<ModuleFailure> failures = new ArrayList<>();
        for (ReactorModule module : modules) {
            failure(module, outcome.module(module.projectKey())).ifPresent(failures::add);
        }
        return failures;
    }

    private static Optional<ModuleFailure> failure(ReactorModule module, Optional<ModuleOutcome> outcome) {
        if (outcome.isEmpty()) {
            return Optional.of(new ModuleFailure(
                    module,
                    new MojoExecutionException("cloudist's reactor run gave no outcome for " + module.projectKey()
                            + "; its tests may not have run. Run them with -Dcloudist.reactor=false.")));
        }
        if (!outcome.get().failure().isEmpty()) {
            return Optional.of(new ModuleFailure(
                    module, new MojoFailureException(outcome.get().failure())));
        }
        Mapping.Run run = module.run();
        Optional<Outcomes.Failure> failure = Outcomes.failure(
                outcome.get().outcome(), run.failOnFlakeCount(), run.request().failIfNoTests());
        if (failure.isEmpty()) {
            return Optional.empty();
        }
        if (run.testFailureIgnore() && failure.get().ignorable()) {
            module.console().log().error(failure.get().message());
            return Optional.empty();
        }
        return Optional.of(
                new ModuleFailure(module, new MojoFailureException(failure.get().message())));
    }
}
