package io.cloudist.core.run;

import io.cloudist.core.protocol.BlobRef;
import io.cloudist.core.protocol.RunManifest;
import io.cloudist.core.provision.Provisioner;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.provision.WorkerLaunch;
import io.cloudist.core.store.Store;
import io.cloudist.core.timeline.TimelineRecorder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The one place a run starts workers: its first ones, and replacements of lost ones. Workers that boot elsewhere get
 * the worker agent's classpath, shipped once, when the first of them starts; the timeline learns when each was asked
 * for. A backend that builds a runtime image also gets the local classpaths it is made of.
 */
final class WorkerStarter {
    private final RunRequest request;
    private final Provisioner provisioner;
    private final Store store;
    private final String runId;
    private final RunShipper shipper;
    private final TimelineRecorder timeline;
    private final Clock clock;
    private final List<Path> testClasspath;
    private List<BlobRef> workerBundle;
    private List<WorkerHandle> first;

    WorkerStarter(
            RunRequest request,
            Provisioner provisioner,
            Store store,
            String runId,
            RunShipper shipper,
            TimelineRecorder timeline,
            Clock clock,
            List<Path> testClasspath) {
        this.request = request;
        this.provisioner = provisioner;
        this.store = store;
        this.runId = runId;
        this.shipper = shipper;
        this.timeline = timeline;
        this.clock = clock;
        this.testClasspath = List.copyOf(testClasspath);
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
                store.location(),
                runId,
                workers,
                workerBundle,
                request.store().outageSeconds(),
                request.shipping().workerClasspath(),
                testClasspath));
        timeline.workersStarted(handles, started);
        return handles;
    }

    /**
     * The module whose test JVM the workers start before their first assignment, as the worker's agent decides: the
     * only module of a run of one; in a reactor's run, the first module on cloud workers, which may wait a poll for
     * their first assignment, and none on local ones, which start the JVM of the module their first assignment names.
     */
    static String bootModule(RunManifest manifest, boolean localWorkers) {
        return localWorkers && manifest.modules().size() > 1
                ? ""
                : manifest.modules().get(0).module();
    }
}
