package io.cloudist.core.provision;

import io.cloudist.core.CloudistProperties;
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
 * @param storeOutageSeconds how long a worker rides out an outage of the store before it leaves the run
 */
public record WorkerLaunch(
        String storeLocation, String runId, int workers, List<BlobRef> workerBundle, int storeOutageSeconds) {
    public WorkerLaunch {
        Objects.requireNonNull(storeLocation, "storeLocation");
        Objects.requireNonNull(runId, "runId");
        if (workers < 1) {
            throw new IllegalArgumentException("At least one worker: " + workers);
        }
        workerBundle = List.copyOf(workerBundle);
        if (storeOutageSeconds < 0) {
            throw new IllegalArgumentException("A negative store outage budget: " + storeOutageSeconds);
        }
    }

    /** Workers with the default outage budget ({@value CloudistProperties#DEFAULT_STORE_OUTAGE_SECONDS} s). */
    public WorkerLaunch(String storeLocation, String runId, int workers, List<BlobRef> workerBundle) {
        this(
                storeLocation,
                runId,
                workers,
                workerBundle,
                Integer.parseInt(CloudistProperties.DEFAULT_STORE_OUTAGE_SECONDS));
    }
}
