package io.cloudist.core.run;

import io.cloudist.core.protocol.BlobRef;
import io.cloudist.core.provision.Provisioner;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.provision.WorkerLaunch;
import io.cloudist.core.store.Store;
import io.cloudist.core.timeline.TimelineRecorder;
import java.time.Clock;
import java.util.List;

/**
 * The one place a run starts workers: its first ones, and replacements of lost ones. Workers that boot elsewhere get
 * the worker agent's classpath, shipped once, when the first of them starts; the timeline learns when each was asked
 * for.
 */
final class WorkerStarter {
    private final RunRequest request;
    private final Provisioner provisioner;
    private final Store store;
    private final String runId;
    private final RunShipper shipper;
    private final TimelineRecorder timeline;
    private final Clock clock;
    private List<BlobRef> workerBundle;
    private List<WorkerHandle> first;

    WorkerStarter(
            RunRequest request,
            Provisioner provisioner,
            Store store,
            String runId,
            RunShipper shipper,
            TimelineRecorder timeline,
            Clock clock) {
        this.request = request;
        this.provisioner = provisioner;
        this.store = store;
        this.runId = runId;
        this.shipper = shipper;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** The run's first {@code workers} workers, started on the first call; later calls return the same ones. */
    List<WorkerHandle> first(int workers) {
        if (first == null) {
            first = start(workers);
        }
        return first;
    }

    /** Starts {@code workers} more workers (replacements of lost ones). */
    List<WorkerHandle> start(int workers) {
        if (workerBundle == null) {
            workerBundle = request.cloud().isLocal() ? List.of() : shipper.shipWorker();
        }
        long started = clock.millis();
        List<WorkerHandle> handles = provisioner.start(new WorkerLaunch(
                store.location(), runId, workers, workerBundle, request.store().outageSeconds()));
        timeline.workersStarted(handles, started);
        return handles;
    }
}
