package io.cloudist.core.coordinate;

import io.cloudist.core.concurrent.DaemonThreads;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the run's lease every few seconds on a timer of its own, however long a poll takes: waiting workers leave a
 * run whose lease stops changing.
 */
final class LeaseKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);
    static final long PERIOD_MILLIS = 5_000;

    private final ScheduledExecutorService timer;

    LeaseKeeper(Store store, String runId, Clock clock) {
        this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("cloudist-lease"));
        timer.scheduleAtFixedRate(
                () -> {
                    try {
                        store.put(
                                StoreKeys.lease(runId),
                                Long.toString(clock.millis()).getBytes(StandardCharsets.UTF_8));
                    } catch (RuntimeException e) {
                        LOG.warn("Run lease not renewed: {}", e.getMessage()); // the next renewal may succeed
                    }
                },
                0,
                PERIOD_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
