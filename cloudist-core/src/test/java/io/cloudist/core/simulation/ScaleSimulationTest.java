package io.cloudist.core.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** A small scale simulation, so that the full one ({@code benchmarks/simulate.sh}) keeps working. */
class ScaleSimulationTest {
    private static final ScaleSimulation.Settings SMALL =
            new ScaleSimulation.Settings(50, 2_000, 200, 1, 4, 0.05, 1.5, 7);

    @Test
    void everyTaskGetsExactlyOneResultAndTheStoreCountsEveryRequest() throws InterruptedException {
        SimulationReport report = ScaleSimulation.run(SMALL);

        assertThat(report.tasks()).isEqualTo(200);
        assertThat(report.results()).isEqualTo(report.tasks());
        assertThat(report.abandoned()).isZero();
        assertThat(report.lostWorkers()).isZero();
        // At least once: a worker that took a queued task in the moment an idle one was given it runs it too, and never
        // reads it as moved.
        assertThat(report.resultsWritten())
                .isEqualTo(report.tasks()
                        + report.dispatch().moves()
                        - report.tally().moved.sum());
        assertThat(report.tally().stopped.sum()).isEqualTo(50);
        // A run of one module: every worker's test JVM is the one it started at boot.
        assertThat(report.reactor().modules()).isEqualTo(1);
        assertThat(report.tally().jvmStarts.sum()).isZero();

        WorkerTally tally = report.tally();
        RequestCounts workers = report.workers();
        assertThat(workers.requests(S3Request.GET))
                .isEqualTo(tally.assignmentHits.sum() + tally.assignmentMisses.sum() + tally.leaseChecks.sum());
        // One hit per task run (a task that moved in the moment its worker took it runs twice), one per assignment
        // that moved to an idle worker, and one for every worker's stop order.
        assertThat(tally.assignmentHits.sum()).isEqualTo(report.resultsWritten() + tally.moved.sum() + 50);
        assertThat(workers.requests(S3Request.PUT)).isEqualTo(tally.results.sum() + tally.heartbeats.sum());
        assertThat(workers.requests(S3Request.LIST)).isZero();

        RequestCounts coordinator = report.coordinator();
        // An assignment per task, a stop order per worker, and at least one lease renewal.
        assertThat(coordinator.requests(S3Request.PUT)).isGreaterThan(report.tasks() + 50L);
        // Every result is read once when it is there, and each poll reads what it waits for.
        assertThat(coordinator.requests(S3Request.GET)).isGreaterThanOrEqualTo(report.tasks());
        assertThat(coordinator.requests(S3Request.LIST)).isZero();
        assertThat(coordinator.bytesReceived()).isGreaterThan(0);
        assertThat(report.dollars())
                .isEqualTo(
                        (coordinator.requests(S3Request.PUT) + workers.requests(S3Request.PUT)) * 0.005 / 1000
                                + (coordinator.requests(S3Request.GET) + workers.requests(S3Request.GET))
                                        * 0.0004
                                        / 1000,
                        within(1e-9));

        assertThat(report.makespanSeconds()).isGreaterThanOrEqualTo(report.lowerBoundSeconds());
        assertThat(report.planMillis()).isPositive();
        assertThat(report.table()).contains("| coordinator CPU per task |", "list prices of 2026-11-22");
    }

    @Test
    void settingsComeFromTheCommandLineWithFullScaleDefaults() {
        assertThat(ScaleSimulation.Settings.parse())
                .isEqualTo(new ScaleSimulation.Settings(1_000, 100_000, 10_000, 1, 4, 0.1, 1.5, 1));
        assertThat(ScaleSimulation.Settings.parse(
                        "--workers", "3", "--time-factor", "0.5", "--modules", "100", "--jvm-start-seconds", "2"))
                .isEqualTo(new ScaleSimulation.Settings(3, 100_000, 10_000, 100, 4, 0.5, 2.0, 1));
        assertThatThrownBy(() -> ScaleSimulation.Settings.parse("--workers")).hasMessageContaining("Usage");
        assertThatThrownBy(() -> ScaleSimulation.Settings.parse("--nodes", "3")).hasMessageContaining("Usage");
    }
}
