package io.cloudist.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.protocol.BootSteps;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.Heartbeat;
import io.cloudist.core.protocol.WorkerCadence;
import io.cloudist.core.store.LocalDirectoryStore;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import io.cloudist.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cloud worker beats every 10 s during a task and every 30 s between tasks; an eviction is written at once. */
class HeartbeatsTest {
    private static final String BEAT = StoreKeys.heartbeat("r", "w0");

    @TempDir
    Path temp;

    private final ManualClock time = ManualClock.at(Instant.EPOCH);

    /** The heartbeat's version: a new one for each write. */
    private static String written(Store store) {
        return store.versions(BEAT).getOrDefault(BEAT, "none");
    }

    /** Ten seconds later, the timer ticks; true when the tick wrote a beat. */
    private boolean tenSecondsLater(Heartbeats beats, Store store) {
        String before = written(store);
        time.advance(Duration.ofSeconds(10));
        beats.tick();
        return !written(store).equals(before);
    }

    @Test
    void betweenTasksAWorkerBeatsEveryIdlePeriodAndDuringATaskEveryPeriod() {
        Store store = new LocalDirectoryStore(temp);
        try (Heartbeats beats = Heartbeats.ticked(store, "r", "w0", BootSteps.NONE, WorkerCadence.CLOUD, time::nanos)) {
            beats.tick();
            assertThat(written(store)).as("the first beat, at once").isNotEqualTo("none");

            // Waiting for a task: at 10 s and 20 s nothing, at 30 s a beat.
            assertThat(tenSecondsLater(beats, store)).isFalse();
            assertThat(tenSecondsLater(beats, store)).isFalse();
            assertThat(tenSecondsLater(beats, store)).isTrue();

            beats.working(3);
            assertThat(tenSecondsLater(beats, store)).isTrue();
            assertThat(tenSecondsLater(beats, store)).isTrue();
            assertThat(Documents.read(store.get(BEAT).orElseThrow(), Heartbeat.class)
                            .seq())
                    .isEqualTo(3);

            beats.idle();
            assertThat(tenSecondsLater(beats, store)).isFalse();
            String quiet = written(store);
            beats.evicting("spot interruption notice");
            assertThat(written(store)).as("an eviction, at once").isNotEqualTo(quiet);
            assertThat(tenSecondsLater(beats, store))
                    .as("and every period after it")
                    .isTrue();
            assertThat(Documents.read(store.get(BEAT).orElseThrow(), Heartbeat.class)
                            .evicting())
                    .isTrue();
        }
    }

    @Test
    void aLocalWorkerBeatsEveryPeriodWhetherBusyOrNot() {
        Store store = new LocalDirectoryStore(temp);
        ManualClock local = ManualClock.at(Instant.EPOCH);
        try (Heartbeats beats =
                Heartbeats.ticked(store, "r", "w0", BootSteps.NONE, WorkerCadence.LOCAL, local::nanos)) {
            beats.tick();
            for (int i = 0; i < 3; i++) {
                String before = written(store);
                local.advance(WorkerCadence.LOCAL.heartbeat());
                beats.tick();
                assertThat(written(store)).isNotEqualTo(before);
            }
        }
    }
}
