package io.cloudist.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkerCadenceTest {
    /** The GETs of a wait of {@code seconds} that starts with {@code firstPause}: one, then one after each pause. */
    private static int getsWhileWaiting(WorkerCadence cadence, Duration firstPause, double seconds) {
        int gets = 1;
        double waited = 0;
        for (long pause = firstPause.toMillis(); waited < seconds; pause = cadence.after(pause)) {
            waited += pause / 1000.0;
            gets++;
        }
        return gets;
    }

    @Test
    void aCloudWorkerWaitingAtTheEndOfTheRunLooksAFewTimesAMinute() {
        WorkerCadence cloud = WorkerCadence.CLOUD;

        // After a task: at 0, 1, 3, 7, 15 s, then every 10 s; with a local worker's pauses, every 100 ms.
        assertThat(getsWhileWaiting(cloud, cloud.pauseAfterTask(), 40)).isEqualTo(8);
        assertThat(getsWhileWaiting(cloud, cloud.pauseAfterTask(), 60)).isEqualTo(10);
        assertThat(getsWhileWaiting(WorkerCadence.LOCAL, WorkerCadence.LOCAL.pauseAfterTask(), 40))
                .isGreaterThan(400);
    }

    @Test
    void aCloudWorkerWaitingForItsFirstTaskFindsItWithinTwiceTheWait() {
        WorkerCadence cloud = WorkerCadence.CLOUD;
        // Looks at 0, 0.1, 0.3, 0.7, 1.5, 3.1 s: an assignment written after 1.6 s is found by 3.1 s.
        double looked = 0;
        for (long pause = cloud.firstPause().toMillis(); looked < 1.6; pause = cloud.after(pause)) {
            looked += pause / 1000.0;
        }
        assertThat(looked).isCloseTo(3.1, within(1e-9));
    }

    @Test
    void pausesNeverExceedTheLongestAndHeartbeatsBetweenTasksAreNoMoreFrequentThanDuringOne() {
        assertThat(WorkerCadence.CLOUD.after(8_000)).isEqualTo(10_000);
        assertThat(WorkerCadence.CLOUD.after(10_000)).isEqualTo(10_000);
        assertThatThrownBy(() -> new WorkerCadence(
                        Duration.ofMillis(5),
                        Duration.ofMillis(5),
                        Duration.ofMillis(100),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heartbeats every PT10S and PT2S");
    }
}
