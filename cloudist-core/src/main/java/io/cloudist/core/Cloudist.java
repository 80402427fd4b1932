package io.cloudist.core;

import io.cloudist.core.run.LocalRun;
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
        return new LocalRun(request, listener, Clock.systemDefaultZone()).run();
    }
}
