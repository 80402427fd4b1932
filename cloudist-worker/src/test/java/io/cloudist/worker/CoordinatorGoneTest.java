package io.cloudist.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.ship.BundleShipper;
import io.cloudist.core.ship.Shipment;
import io.cloudist.core.store.LocalDirectoryStore;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real worker agent process whose coordinator died (kill -9, a laptop that went to sleep): the run's lease stops
 * changing, so the worker leaves the run, waits out its idle time in the pool, and exits — after which its instance
 * powers off. The lease timeout is shortened for the test through the agent's system property, and the store outage
 * budget (which the lease is allowed on top) is 0.
 */
@Timeout(90)
class CoordinatorGoneTest {
    @TempDir
    Path temp;

    @Test
    void aWorkerWhoseCoordinatorStopsRenewingTheLeaseLeavesTheRunAndExitsAfterItsIdleTime() throws Exception {
        Store store = new LocalDirectoryStore(temp.resolve("store"));
        Shipment shipment = new BundleShipper(
                        store, Files.createDirectories(temp.resolve("module")), temp.resolve("scratch"))
                .ship(List.of(), List.of());
        ShippedRun.publish(store, "r1", ShippedRun.module(shipment));
        // The coordinator wrote its lease once and died: no assignment and no stop will ever come.
        store.put(
                StoreKeys.lease("r1"), Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8));

        Path log = temp.resolve("worker.log");
        Process worker = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dcloudist.worker.leaseTimeoutMillis=2000",
                        "-cp",
                        System.getProperty("java.class.path"),
                        WorkerMain.class.getName(),
                        "--store",
                        store.location(),
                        "--run",
                        "r1",
                        "--worker",
                        "i-1-0",
                        "--dir",
                        temp.resolve("worker").toString(),
                        "--pool",
                        "--idle-minutes",
                        "0.05",
                        // the lease may lapse for the outage budget on top: none here
                        "--store-outage-seconds",
                        "0")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            assertThat(worker.waitFor(60, TimeUnit.SECONDS))
                    .as("the worker exited; log:%n%s", Files.readString(log))
                    .isTrue();
        } finally {
            worker.destroyForcibly();
        }

        assertThat(worker.exitValue()).isZero();
        assertThat(Files.readString(log))
                .contains("Run r1 lost its coordinator")
                .contains("leaving the pool");
    }
}
