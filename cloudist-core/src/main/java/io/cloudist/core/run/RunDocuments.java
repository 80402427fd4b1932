package io.cloudist.core.run;

import io.cloudist.core.CloudistException;
import io.cloudist.core.CloudistParameters;
import io.cloudist.core.RunListener;
import io.cloudist.core.report.ConsoleLine;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.util.List;

/**
 * Deletes a run's documents (manifest, assignments, results, heartbeats, lease) from the store when the run is over,
 * however it ends: they hold the test JVMs' settings and output, which nothing needs later. The blobs and the timing
 * history stay. Closed after the provisioner, so that local workers are gone by then; warm workers elsewhere see the
 * lease go, return to their pool and delete their own heartbeat. A store that cannot delete costs a warning.
 */
final class RunDocuments implements AutoCloseable {
    private final Store store;
    private final String runId;
    private final RunListener listener;

    RunDocuments(Store store, String runId, RunListener listener) {
        this.store = store;
        this.runId = runId;
        this.listener = listener;
    }

    @Override
    public void close() {
        try {
            String lease = StoreKeys.lease(runId);
            List<String> keys = store.list(StoreKeys.run(runId));
            keys.stream().filter(key -> !key.equals(lease)).forEach(store::delete);
            store.delete(lease); // last: workers that still poll leave when it goes
        } catch (CloudistException e) {
            listener.line(ConsoleLine.warn("cloudist: the run's documents under " + StoreKeys.run(runId) + " in "
                    + store.location() + " were not deleted (" + e.getMessage() + "); cloudist:cleanup"
                    + " " + CloudistParameters.DELETE_RUN_DATA.option() + "=true deletes them."));
        }
    }
}
