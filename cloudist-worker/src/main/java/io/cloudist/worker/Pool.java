package io.cloudist.worker;

import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.PoolOffer;
import io.cloudist.core.protocol.PoolState;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** This worker's place in the warm pool: publishes that it waits, and takes the next run that claims it. */
final class Pool {
    private static final Logger LOG = LoggerFactory.getLogger(Pool.class);
    private static final long STATE_EVERY_MILLIS = 5_000;
    private static final long POLL_MILLIS = 500;

    private final Store store;
    private final WorkerOptions options;
    private final Deadline deadline;
    private int nextOffer;

    Pool(Store store, WorkerOptions options, Deadline deadline) {
        this.store = store;
        this.options = options;
        this.deadline = deadline;
    }

    /**
     * Waits for the next run to claim this worker; empty when the idle time ran out, or when the instance's end of life
     * ({@link WorkerOptions#retireAtMillis()}) comes first.
     */
    Optional<String> awaitOffer() throws InterruptedException {
        long idleUntil = System.currentTimeMillis() + options.idleMillis();
        boolean retiring = options.retireAtMillis() > 0 && options.retireAtMillis() < idleUntil;
        if (retiring) {
            idleUntil = options.retireAtMillis();
        }
        String offerKey = StoreKeys.poolOffer(options.workerId(), nextOffer);
        long stateWritten = 0;
        while (System.currentTimeMillis() < idleUntil) {
            deadline.within(
                    Duration.ofMillis(idleUntil - System.currentTimeMillis()).plus(Deadline.WAITING));
            Optional<String> run = offer(offerKey);
            if (run.isPresent()) {
                return run;
            }
            long now = System.currentTimeMillis();
            if (now - stateWritten >= STATE_EVERY_MILLIS) {
                store.put(
                        StoreKeys.poolState(options.workerId()),
                        Documents.write(new PoolState(
                                Documents.SCHEMA,
                                options.workerId(),
                                options.host(),
                                now,
                                idleUntil,
                                nextOffer,
                                options.bundle())));
                stateWritten = now;
            }
            Thread.sleep(POLL_MILLIS);
        }
        store.delete(StoreKeys.poolState(options.workerId()));
        // A run may have claimed this worker just before it left the pool: honour it.
        Optional<String> late = offer(offerKey);
        if (late.isEmpty() && retiring) {
            LOG.info("The instance nears the end of its life; leaving the pool");
        } else if (late.isEmpty()) {
            LOG.info("Idle for {} minutes; leaving the pool", options.idleMinutes());
        }
        return late;
    }

    private Optional<String> offer(String key) {
        Optional<String> run =
                store.get(key).map(b -> Documents.read(b, PoolOffer.class).runId());
        if (run.isPresent()) {
            nextOffer++;
            store.delete(StoreKeys.poolState(options.workerId()));
        }
        return run;
    }
}
