package io.cloudist.core.provision;

import java.util.List;
import java.util.Objects;

/**
 * What every worker of a run is started with.
 *
 * @param storeLocation the store, as {@link io.cloudist.core.store.Stores#open} reads it
 * @param runId the run
 * @param workerIds the ids of the workers to start
 */
public record WorkerLaunch(String storeLocation, String runId, List<String> workerIds) {
    public WorkerLaunch {
        Objects.requireNonNull(storeLocation, "storeLocation");
        Objects.requireNonNull(runId, "runId");
        workerIds = List.copyOf(workerIds);
    }
}
