package io.cloudist.core.run;

import io.cloudist.core.CloudistParameters;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.report.ConsoleLine;

/** How the console words what happens to a run's workers, the same for a run of one module and a reactor's. */
final class WorkerEvents {
    private WorkerEvents() {}

    static ConsoleLine lost(WorkerHandle worker, String reason) {
        return ConsoleLine.warn("cloudist: Worker " + worker.id() + " lost: " + reason + "; its tasks run elsewhere.");
    }

    static ConsoleLine replaced(WorkerHandle worker, int count, int max) {
        return ConsoleLine.info("cloudist: Started worker " + worker.id() + " in place of a lost one (" + count
                + " of at most " + max + " replacements, " + CloudistParameters.MAX_WORKER_RESTARTS.option() + ")");
    }

    static ConsoleLine notReplaced(String reason) {
        return ConsoleLine.warn("cloudist: Could not start a worker in place of a lost one: " + reason
                + "; the run goes on with the workers it has");
    }
}
