package io.cloudist.core.run;

import io.cloudist.core.CloudistException;
import io.cloudist.core.CloudistParameters;
import io.cloudist.core.RunListener;
import io.cloudist.core.report.ConsoleLine;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deletes a run's documents (manifest, assignments, results, heartbeats, lease) from the store when the run is over,
 * however it ends: they hold the test JVMs' settings and output, which nothing needs later. The blobs and the timing
 * history stay. Closed after the provisioner, so that local workers are gone by then. Workers elsewhere may be
 * between two looks for their next assignment (a cloud worker waiting after a task looks up to 10 s apart): each
 * worker's last assignment, its order to stop, stays for it to read, and expires with the store's lifecycle rule for
 * {@code runs/}; a worker that finds it returns to its pool and deletes its own heartbeat, one that does not sees the
 * lease go. A store that cannot delete costs a warning.
 */
final class RunDocuments implements AutoCloseable {
    private final Store store;
    private final String runId;
    private final RunListener listener;
    private final boolean keepStopOrders;

    /** @param keepStopOrders keep each worker's last assignment, for workers that may still be waiting (not local ones) */
    RunDocuments(Store store, String runId, RunListener listener, boolean keepStopOrders) {
        this.store = store;
        this.runId = runId;
        this.listener = listener;
        this.keepStopOrders = keepStopOrders;
    }

    @Override
    public void close() {
        try {
            String lease = StoreKeys.lease(runId);
            List<String> keys = store.list(StoreKeys.run(runId));
            Set<String> kept = keepStopOrders ? lastAssignments(keys) : Set.of();
            keys.stream()
                    .filter(key -> !key.equals(lease) && !kept.contains(key))
                    .forEach(store::delete);
            store.delete(lease); // last: workers that still poll leave when it goes
        } catch (CloudistException e) {
            listener.line(ConsoleLine.warn("cloudist: the run's documents under " + StoreKeys.run(runId) + " in "
                    + store.location() + " were not deleted (" + e.getMessage() + "); cloudist:cleanup"
                    + " " + CloudistParameters.DELETE_RUN_DATA.option() + "=true deletes them."));
        }
    }

    /** Each worker's assignment with the highest number: after a run that ended, its order to stop. */
    private Set<String> lastAssignments(List<String> keys) {
        String workers = StoreKeys.workers(runId);
        Map<String, String> last = new HashMap<>();
        Map<String, Integer> highest = new HashMap<>();
        for (String key : keys) {
            String[] parts =
                    key.substring(Math.min(key.length(), workers.length())).split("/");
            if (!key.startsWith(workers) || parts.length != 3 || !parts[1].equals("in")) {
                continue;
            }
            try {
                int n = Integer.parseInt(parts[2]);
                if (n >= highest.getOrDefault(parts[0], -1)) {
                    highest.put(parts[0], n);
                    last.put(parts[0], key);
                }
            } catch (NumberFormatException e) {
                // not an assignment
            }
        }
        return new HashSet<>(last.values());
    }
}
