package io.cloudist.core.provision;

import io.cloudist.core.CloudistProperties;
import io.cloudist.core.protocol.BlobRef;
import java.nio.file.Path;
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
 * @param workerClasspath the worker agent's classpath on this machine, for a backend that builds a runtime image of
 *     it; empty when not known
 * @param testClasspath the test classpaths of the run's modules on this machine, whose jars a runtime image may hold;
 *     empty when not known
 */
public record WorkerLaunch(
        String storeLocation,
        String runId,
        int workers,
        List<BlobRef> workerBundle,
        int storeOutageSeconds,
        List<Path> workerClasspath,
        List<Path> testClasspath) {
    public WorkerLaunch {
        workerClasspath = List.copyOf(workerClasspath);
        testClasspath = List.copyOf(testClasspath);
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

    /** Workers whose local classpaths are not known. */
    public WorkerLaunch(
            String storeLocation, String runId, int workers, List<BlobRef> workerBundle, int storeOutageSeconds) {
        this(storeLocation, runId, workers, workerBundle, storeOutageSeconds, List.of(), List.of());
    }

    /** These workers, {@code workers} of them. */
    public WorkerLaunch withWorkers(int workers) {
        return new WorkerLaunch(
                storeLocation, runId, workers, workerBundle, storeOutageSeconds, workerClasspath, testClasspath);
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
