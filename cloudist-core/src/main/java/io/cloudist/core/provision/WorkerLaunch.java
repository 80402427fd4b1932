package io.cloudist.core.provision;

import io.cloudist.core.protocol.BlobRef;
import java.util.List;
import java.util.Objects;

/**
 * What the workers of a run are started with.
 *
 * @param storeLocation the store, as {@link io.cloudist.core.store.Stores#open} reads it
 * @param runId the run
 * @param workers how many workers to start (or claim warm)
 * @param workerBundle the worker agent's classpath as blobs in the store, for workers that boot elsewhere
 */
public record WorkerLaunch(String storeLocation, String runId, int workers, List<BlobRef> workerBundle) {
    public WorkerLaunch {
        Objects.requireNonNull(storeLocation, "storeLocation");
        Objects.requireNonNull(runId, "runId");
        if (workers < 1) {
            throw new IllegalArgumentException("At least one worker: " + workers);
        }
        workerBundle = List.copyOf(workerBundle);
    }
}
