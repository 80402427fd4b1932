package io.cloudist.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.core.cloud.CloudSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fault injection other modules' tests rely on: a {@code faulty:} location follows the plan file it watches. */
class FaultyStoreTest {
    @TempDir
    Path dir;

    @Test
    void aFaultyLocationOpensThroughTheProviderAndFollowsThePlanFile() throws Exception {
        Store store = Stores.open(FaultyStore.SCHEME + dir, dir, CloudSettings.local());
        assertThat(store).isInstanceOf(FaultyStore.class);
        assertThat(store.location()).isEqualTo("faulty:" + dir.toAbsolutePath().normalize());
        store.put("k", new byte[] {1});

        FaultPlan.write(dir, FaultPlan.NONE.withOutageFor(Duration.ofMinutes(1)));
        Thread.sleep(150);
        assertThatThrownBy(() -> store.get("k"))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("outage");

        FaultPlan.write(dir, FaultPlan.NONE);
        Thread.sleep(150);
        assertThat(store.get("k")).isPresent();
    }

    @Test
    void addsLatencyAndFailsAboutTheShareOfCallsThePlanSays() {
        FaultyStore store = new FaultyStore(
                new LocalDirectoryStore(dir),
                () -> FaultPlan.NONE.withFailureRate(0.2).withLatency(Duration.ofMillis(2)));
        int failed = 0;
        long start = System.nanoTime();
        for (int i = 0; i < 500; i++) {
            try {
                store.exists("k");
            } catch (StoreUnavailableException e) {
                failed++;
            }
        }
        assertThat(System.nanoTime() - start)
                .isGreaterThanOrEqualTo(Duration.ofMillis(1_000).toNanos());
        assertThat(failed).isBetween(50, 150);
        assertThat(store.injectedFailures()).isEqualTo(failed);
    }
}
