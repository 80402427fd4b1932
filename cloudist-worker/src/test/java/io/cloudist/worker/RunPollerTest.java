package io.cloudist.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.protocol.WorkerCadence;
import io.cloudist.core.store.LocalDirectoryStore;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import io.cloudist.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The lease is judged on the clock the poller is given, and allows for the coordinator's own outage budget. */
@Timeout(30)
class RunPollerTest {
    @TempDir
    Path temp;

    private long secondsUntilTheRunIsLeft(Duration outageBudget) throws InterruptedException {
        Store store = new LocalDirectoryStore(temp.resolve("store-" + outageBudget.toSeconds()));
        store.put(StoreKeys.lease("r"), "1".getBytes());
        ManualClock clock = ManualClock.ticking(Instant.EPOCH, Duration.ofSeconds(10));
        RunPoller poller = new RunPoller(store, "r", clock, outageBudget, () -> false, WorkerCadence.LOCAL);

        assertThat(poller.await(StoreKeys.assignment("r", "w0", 0))).isEmpty();
        return clock.peekMillis() / 1_000;
    }

    @Test
    void aLeaseThatStopsChangingIsGivenUpAfterTheTimeoutPlusTheOutageBudget() throws InterruptedException {
        assertThat(secondsUntilTheRunIsLeft(Duration.ZERO)).isBetween(61L, 120L);
        assertThat(secondsUntilTheRunIsLeft(Duration.ofSeconds(120))).isBetween(181L, 240L);
    }

    @Test
    void aLeaseThatDisappearsEndsTheWaitAtOnce() throws InterruptedException {
        Store store = new LocalDirectoryStore(temp.resolve("store-deleted"));
        store.put(StoreKeys.lease("r"), "1".getBytes());
        ManualClock clock = ManualClock.ticking(Instant.EPOCH, Duration.ofSeconds(10));
        RunPoller poller = new RunPoller(store, "r", clock, Duration.ofHours(1), () -> false, WorkerCadence.LOCAL);
        Thread coordinator = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            store.delete(StoreKeys.lease("r"));
        });
        coordinator.start();

        assertThat(poller.await(StoreKeys.assignment("r", "w0", 0))).isEmpty();
        coordinator.join();
        assertThat(clock.peekMillis() / 1_000)
                .as("seconds on the poller's clock")
                .isLessThan(3600);
    }
}
