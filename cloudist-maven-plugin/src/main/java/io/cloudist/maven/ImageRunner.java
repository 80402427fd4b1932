package io.cloudist.maven;

import io.cloudist.core.run.Cloudist;
import io.cloudist.core.run.ReactorOutcome;
import io.cloudist.core.run.ReactorRequest;
import java.util.List;

/**
 * Builds, through core, the one worker image of a reactor's run ({@code cloudist:image} at a reactor's root): of the
 * same request as the run's, so that the run then finds it. A failure to build is the lead module's, as a run's is.
 */
final class ImageRunner implements ReactorRun.Runner {
    @Override
    public ReactorOutcome run(ReactorRequest request, ReactorModule lead) {
        return CloudistRunner.onLead(lead, listener -> {
            Cloudist.image(request, listener);
            return new ReactorOutcome(List.of());
        });
    }

    /** An image that was built (or found) fails no module; one that cannot be is an exception, the lead's. */
    @Override
    public List<ModuleFailure> failures(List<ReactorModule> modules, ReactorOutcome outcome) {
        return List.of();
    }

    @Override
    public String collected() {
        return "the reactor's one worker image is built after the last module (-Dcloudist.reactor=false builds one"
                + " per module)";
    }

    @Override
    public String starting(int modules) {
        return "building the worker image of the tests of " + modules + (modules == 1 ? " module" : " modules");
    }
}
