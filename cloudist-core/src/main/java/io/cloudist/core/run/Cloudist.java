package io.cloudist.core.run;

import io.cloudist.core.CloudistException;
import io.cloudist.core.CloudistParameters;
import io.cloudist.core.ConfigurationException;
import io.cloudist.core.RunListener;
import io.cloudist.core.cloud.CloudSettings;
import io.cloudist.core.report.ConsoleLine;
import java.time.Clock;
import java.util.List;

/** The one entry point of a run: discover, plan, ship, provision, coordinate, report. */
public final class Cloudist {
    private Cloudist() {}

    /**
     * Runs the tests that {@code request} selects and writes Surefire-compatible reports.
     *
     * @return the totals; test failures are not exceptions
     * @throws ConfigurationException when a parameter has an unusable value
     * @throws CloudistException when the run cannot be carried out
     */
    public static RunOutcome run(RunRequest request, RunListener listener) {
        return new TestRun(request, listener, Clock.systemDefaultZone()).run();
    }

    /**
     * Runs the tests of every module of {@code request} as one run (one plan, one shipment, one pool of workers) and
     * writes each module's Surefire-compatible reports to its own reports directory; the console shows each module's
     * section in reactor order.
     *
     * @return each module's totals; test failures are not exceptions
     * @throws ConfigurationException when a parameter has an unusable value
     * @throws CloudistException when the run cannot be carried out
     */
    public static ReactorOutcome run(ReactorRequest request, RunListener listener) {
        return new TestRun(request, listener, RunServices.production(Clock.systemDefaultZone())).runAll();
    }

    /**
     * Starts, in the background, what {@code request}'s run will do first: a reactor's module calls this when it is
     * collected, so that the run, after the last module, finds its documents' serializers built and the module's
     * jars hashed. It returns at once and never fails.
     */
    public static void warmUp(RunRequest request) {
        WarmUp.ahead(request);
    }

    /**
     * Builds and pushes the runtime image that the cloud workers of {@code request} boot from, unless the backend's
     * repository holds it already ({@code cloudist:image}): a later run of the same classpath pushes nothing.
     *
     * @throws ConfigurationException for the local backend, which has no image
     */
    public static void image(RunRequest request, RunListener listener) {
        image(ReactorRequest.of(request), listener);
    }

    /**
     * Builds and pushes the one runtime image that a run of all of {@code request}'s modules boots its cloud workers
     * from (a reactor's run), unless the backend's repository holds it already: the image of the lead's worker and
     * of the test classpath of every module with test classes, as the run forms it.
     *
     * @throws ConfigurationException for the local backend, which has no image
     */
    public static void image(ReactorRequest request, RunListener listener) {
        RunRequest lead = request.lead();
        if (lead.cloud().isLocal()) {
            throw new ConfigurationException(
                    CloudistParameters.BACKEND,
                    lead.cloud().backend(),
                    "cloudist:image builds the runtime image of cloud workers: use -Dcloudist.backend=ec2");
        }
        List<ModuleRun> selected = request.modules().stream()
                .map(module -> new ModuleRun(module, listener, false))
                .filter(ModuleRun::hasClasses)
                .toList();
        if (selected.isEmpty()) {
            listener.line(ConsoleLine.info("cloudist: No test classes, so no worker image to build"));
            return;
        }
        Backends.provider(lead.cloud().backend())
                .prepareImage(
                        lead.cloud(),
                        lead.shipping().workerClasspath(),
                        TestRun.workerTestClasspath(selected),
                        listener);
    }

    /**
     * Creates what runs on {@code settings.backend()} need, idempotently ({@code cloudist:setup}).
     *
     * @param store the store to prepare, "" for the backend's default
     */
    public static void setup(CloudSettings settings, String store, RunListener listener) {
        setup(settings, store, false, listener);
    }

    /**
     * As {@link #setup(CloudSettings, String, RunListener)}; with {@code fix}, what setup finds weaker than it would
     * make it is repaired rather than reported.
     */
    public static void setup(CloudSettings settings, String store, boolean fix, RunListener listener) {
        Backends.admin(settings.backend()).setup(settings, store, fix, listener);
    }

    /** Terminates every cloudist worker of the backend in its region and, if asked, deletes run data. */
    public static void cleanup(CloudSettings settings, String store, boolean deleteRunData, RunListener listener) {
        Backends.admin(settings.backend()).cleanup(settings, store, deleteRunData, listener);
    }
}
