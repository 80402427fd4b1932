package io.cloudist.core.run;

import io.cloudist.core.CloudistException;
import io.cloudist.core.plan.TimingHistory;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project's timing history: {@code target/cloudist/timings.json} on this machine and, on a shared store (S3),
 * {@code timings/<groupId>/<artifactId>.json} in it, so that a CI run on a fresh machine plans with real durations.
 * The history is advice: a store that cannot be read or written costs a warning, never the run.
 */
final class SharedTimings {
    private static final Logger LOG = LoggerFactory.getLogger(SharedTimings.class);

    private final Path file;
    private final Optional<Store> shared;
    private final String key;

    /**
     * @param file this machine's history
     * @param shared the store other machines use too, if any
     * @param projectKey {@code groupId:artifactId}
     */
    SharedTimings(Path file, Optional<Store> shared, String projectKey) {
        this.file = file;
        this.shared = shared;
        this.key = StoreKeys.timings(projectKey);
    }

    /** What the store knows, overlaid with this machine's own measurements. */
    TimingHistory read() {
        TimingHistory local = TimingHistory.read(file);
        return fromStore().map(stored -> stored.with(local)).orElse(local);
    }

    /**
     * Records this run's measurements: here, and in the store on top of what it holds now (read again, so that runs
     * of the same project on other machines meanwhile keep theirs).
     */
    void record(TimingHistory planned, TimingHistory measured) {
        planned.withRun(measured).write(file);
        shared.ifPresent(store -> {
            try {
                TimingHistory latest = fromStore().orElse(planned);
                store.put(key, latest.withRun(measured).toBytes());
            } catch (CloudistException e) {
                LOG.warn(
                        "Timing history not written to {} ({}): the next run on another machine plans without it",
                        store.location(),
                        e.getMessage());
            }
        });
    }

    private Optional<TimingHistory> fromStore() {
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        try {
            return shared.get().get(key).map(TimingHistory::parse);
        } catch (CloudistException e) {
            LOG.warn(
                    "Timing history not read from {} ({}): planning with this machine's",
                    shared.get().location(),
                    e.getMessage());
            return Optional.empty();
        }
    }
}
