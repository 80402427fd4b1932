package io.cloudist.core.run;

import io.cloudist.core.CloudistException;
import io.cloudist.core.CloudistParameters;
import io.cloudist.core.ConfigurationException;
import io.cloudist.core.RunListener;
import io.cloudist.core.cloud.CloudSettings;
import java.time.Clock;

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
     * Builds and pushes the runtime image that the cloud workers of {@code request} boot from, unless the backend's
     * repository holds it already ({@code cloudist:image}): a later run of the same classpath pushes nothing.
     *
     * @throws ConfigurationException for the local backend, which has no image
     */
    public static void image(RunRequest request, RunListener listener) {
        if (request.cloud().isLocal()) {
            throw new ConfigurationException(
                    CloudistParameters.BACKEND,
                    request.cloud().backend(),
                    "cloudist:image builds the runtime image of cloud workers: use -Dcloudist.backend=ec2");
        }
        Backends.provider(request.cloud().backend())
                .prepareImage(
                        request.cloud(),
                        request.shipping().workerClasspath(),
                        request.testJvm().classpath(),
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
