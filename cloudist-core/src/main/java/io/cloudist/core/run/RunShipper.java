package io.cloudist.core.run;

import io.cloudist.core.RunListener;
import io.cloudist.core.protocol.BlobRef;
import io.cloudist.core.report.ConsoleLine;
import io.cloudist.core.ship.BundleShipper;
import io.cloudist.core.ship.ProjectTree;
import io.cloudist.core.ship.Shipment;
import io.cloudist.core.ship.ShippedEntries;
import io.cloudist.core.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Ships a run's bundles to its store and says what it shipped, in one console line each. */
final class RunShipper {
    private final RunRequest request;
    private final Store store;
    private final RunListener listener;

    private final ShippedEntries shipped;

    RunShipper(RunRequest request, Store store, RunListener listener) {
        this(request, store, listener, new ShippedEntries());
    }

    /** @param shipped what the run's other shipments shipped: a reactor's modules ship what they share once */
    RunShipper(RunRequest request, Store store, RunListener listener, ShippedEntries shipped) {
        this.request = request;
        this.store = store;
        this.listener = listener;
        this.shipped = shipped;
    }

    /** Ships the test classpath with the runner, the extra files and, for workers elsewhere, the project's files. */
    Shipment shipTests() {
        Shipment shipment = shipModule();
        shipped("", shipment);
        return shipment;
    }

    /** Ships as {@link #shipTests()} does, saying only what went wrong: a reactor's run says what it shipped once. */
    Shipment shipModule() {
        List<Path> classpath = new ArrayList<>(request.testJvm().classpath());
        classpath.add(request.shipping().runnerJar());
        // Local workers run in the module itself; workers elsewhere need the project's files.
        ProjectTree tree = request.cloud().isLocal() ? null : request.shipping().projectTree();
        Shipment shipment = shipper().ship(classpath, request.shipping().extraFiles(), tree);
        shipment.unmatchedGlobWarnings(request.module().directory()).forEach(w -> listener.line(ConsoleLine.warn(w)));
        shipment.warnings().forEach(w -> listener.line(ConsoleLine.warn(w)));
        return shipment;
    }

    /** Says in one line what the modules of a reactor's run shipped, together; one module's says it as a run of one. */
    static void shippedModules(RunListener listener, List<Shipment> shipments) {
        say(
                listener,
                shipments.size() == 1 ? "" : " " + shipments.size() + " modules:",
                shipments.stream().mapToInt(Shipment::uploaded).sum(),
                shipments.stream().mapToInt(Shipment::blobs).sum(),
                shipments.stream().mapToLong(Shipment::bytesUploaded).sum(),
                shipments.stream().mapToLong(Shipment::bytesTotal).sum(),
                shipments.stream().mapToInt(Shipment::projectFiles).max().orElse(0),
                shipments.stream().mapToLong(s -> s.elapsed().toMillis()).sum());
    }

    /** Ships the worker agent's own classpath, for workers that boot elsewhere and fetch it from the store. */
    List<BlobRef> shipWorker() {
        Shipment shipment = shipper().ship(request.shipping().workerClasspath(), List.of());
        shipped(" the worker agent:", shipment);
        return shipment.classpath();
    }

    private BundleShipper shipper() {
        return new BundleShipper(
                store,
                request.module().directory(),
                request.module().workDirectory().resolve("ship"),
                shipped);
    }

    private void shipped(String what, Shipment shipment) {
        say(
                listener,
                what,
                shipment.uploaded(),
                shipment.blobs(),
                shipment.bytesUploaded(),
                shipment.bytesTotal(),
                shipment.projectFiles(),
                shipment.elapsed().toMillis());
    }

    private static void say(
            RunListener listener,
            String what,
            int uploaded,
            int blobs,
            long bytesUploaded,
            long bytesTotal,
            int projectFiles,
            long millis) {
        listener.line(ConsoleLine.info(String.format(
                Locale.ROOT,
                "cloudist: shipped%s %d of %d blobs (%,d of %,d bytes)%s in %d ms",
                what,
                uploaded,
                blobs,
                bytesUploaded,
                bytesTotal,
                projectFiles == 0 ? "" : String.format(Locale.ROOT, ", %,d project files", projectFiles),
                millis)));
    }
}
