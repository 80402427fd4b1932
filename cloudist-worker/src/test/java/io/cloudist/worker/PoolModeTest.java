package io.cloudist.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.protocol.Assignment;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.PoolState;
import io.cloudist.core.protocol.TaskResult;
import io.cloudist.core.provision.WarmPool;
import io.cloudist.core.ship.BundleShipper;
import io.cloudist.core.ship.Shipment;
import io.cloudist.core.store.LocalDirectoryStore;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A worker in the warm pool takes run after run without a new start, and leaves when its idle time is over. */
@Timeout(120)
class PoolModeTest {
    private static final String TEST_ID =
            "[engine:junit-jupiter]/[class:io.cloudist.worker.fixtures.CalculatorFixture]/[method:adds()]";

    @TempDir
    Path temp;

    private Store store;

    private void prepareRun(String runId) throws Exception {
        List<Path> classpath = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .toList();
        Shipment shipment = new BundleShipper(store, Files.createDirectories(temp.resolve("module")), temp.resolve("s"))
                .ship(classpath, List.of());
        ShippedRun.publish(store, runId, ShippedRun.module(shipment));
    }

    private void runThroughWorker(String runId) throws InterruptedException {
        Optional<byte[]> state;
        while ((state = store.get(StoreKeys.poolState("i-1-0"))).isEmpty()) {
            Thread.sleep(50);
        }
        assertThat(Documents.read(state.get(), PoolState.class).bundle())
                .as("the agent names its code in its pool state")
                .isEqualTo("bundle-of-r1");
        List<WarmPool.Claimed> claimed = List.of();
        while (claimed.isEmpty()) {
            claimed = new WarmPool(store, Clock.systemUTC(), Duration.ofSeconds(1)).claim(runId, 1);
            Thread.sleep(100);
        }
        String worker = claimed.get(0).workerId();
        store.put(
                StoreKeys.assignment(runId, worker, 0), Documents.write(Assignment.task(0, "t0", 1, List.of(TEST_ID))));
        store.put(StoreKeys.assignment(runId, worker, 1), Documents.write(Assignment.stop(1)));
        Optional<byte[]> result;
        while ((result = store.get(StoreKeys.result(runId, worker, 0))).isEmpty()) {
            Thread.sleep(50);
        }
        TaskResult taskResult = Documents.read(result.get(), TaskResult.class);
        assertThat(taskResult.results())
                .anySatisfy(r -> assertThat(r.node().methodName()).isEqualTo("adds"));
    }

    @Test
    void servesTwoRunsFromThePoolThenLeavesWhenIdle() throws Exception {
        store = new LocalDirectoryStore(temp.resolve("store"));
        prepareRun("r1");
        prepareRun("r2");
        WorkerOptions options = new WorkerOptions(
                store.location(),
                null,
                "i-1-0",
                temp.resolve("worker"),
                null,
                false,
                true,
                0.15,
                "i-1",
                "",
                120,
                null,
                null,
                0,
                null,
                "bundle-of-r1");
        Thread agent = new Thread(() -> {
            try {
                new WorkerAgent(options).run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        agent.start();

        runThroughWorker("r1");
        runThroughWorker("r2");

        agent.join(60_000);
        assertThat(agent.isAlive())
                .as("the worker left the pool after its idle time")
                .isFalse();
        assertThat(store.exists(StoreKeys.poolState("i-1-0"))).isFalse();
        assertThat(Files.list(temp.resolve("worker")).map(p -> p.getFileName().toString()))
                .as("only the last run's module copy is kept")
                .contains("run-r2")
                .doesNotContain("run-r1");
    }

    @Test
    void leavesThePoolWhenTheInstanceNearsItsEndOfLifeKeepingADeadlineWhileItWaits() throws Exception {
        store = new LocalDirectoryStore(temp.resolve("store"));
        Path deadlineFile = Files.createDirectories(temp.resolve("worker")).resolve("deadline");
        long retireAt = System.currentTimeMillis() / 1000 + 3;
        WorkerOptions options = new WorkerOptions(
                store.location(),
                null,
                "i-1-0",
                temp.resolve("worker"),
                null,
                false,
                true,
                60,
                "i-1",
                "",
                120,
                null,
                deadlineFile,
                retireAt * 1000,
                null,
                null);
        Thread agent = new Thread(() -> {
            try {
                new WorkerAgent(options).run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        agent.start();

        while (!Files.exists(deadlineFile) && agent.isAlive()) {
            Thread.sleep(20);
        }
        long deadline = Long.parseLong(Files.readString(deadlineFile).strip());
        assertThat(deadline)
                .as("the wait ends at the retirement, and the agent has the store's outage budget and a poll's wait")
                .isBetween(
                        retireAt + 120 + Deadline.WAITING.toSeconds() - 5,
                        retireAt + 120 + Deadline.WAITING.toSeconds() + 5);
        agent.join(30_000);
        assertThat(agent.isAlive())
                .as("the agent left the pool at its retirement, not after 60 idle minutes")
                .isFalse();
        assertThat(deadlineFile)
                .as("an agent that has exited keeps no deadline")
                .doesNotExist();
        assertThat(store.exists(StoreKeys.poolState("i-1-0"))).isFalse();
    }
}
