package io.cloudist.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.store.FaultPlan;
import io.cloudist.core.store.FaultyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A worker that cannot reach the store for longer than its budget leaves the run, then the pool, and exits. */
@Timeout(60)
class WorkerOutageTest {
    @TempDir
    Path temp;

    @Test
    void aWorkerLeavesARunAndThePoolItCannotReachForLongerThanItsBudget() throws Exception {
        Path store = Files.createDirectories(temp.resolve("store"));
        FaultPlan.write(store, FaultPlan.NONE.withOutageFor(Duration.ofMinutes(5)));
        WorkerOptions options = WorkerOptions.parse(
                "--store",
                FaultyStore.SCHEME + store,
                "--run",
                "r1",
                "--worker",
                "w0",
                "--dir",
                temp.resolve("worker").toString(),
                "--pool",
                "--idle-minutes",
                "5",
                "--store-outage-seconds",
                "2");
        long start = System.nanoTime();

        new WorkerAgent(options).run();

        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("two seconds for the run; the pool fails at once instead of idling five minutes")
                .isBetween(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }
}
