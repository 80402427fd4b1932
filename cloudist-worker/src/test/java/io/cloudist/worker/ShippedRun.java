package io.cloudist.worker;

import io.cloudist.core.protocol.BlobRef;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.ModuleManifest;
import io.cloudist.core.protocol.RunManifest;
import io.cloudist.core.ship.Shipment;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.util.List;
import java.util.Map;

/** A run's manifest as the coordinator writes it, for the tests that play the coordinator's part to a worker. */
final class ShippedRun {
    private ShippedRun() {}

    /** The only module of a run of one, shipped, with the settings of a POM that sets none. */
    static ModuleManifest module(Shipment shipment) {
        return module("", shipment.classpath(), shipment.files());
    }

    /** A module whose tests run with the settings of a POM that sets none. */
    static ModuleManifest module(String name, List<BlobRef> classpath, List<BlobRef> files) {
        return module(name, classpath, files, List.of(), Map.of(), 0, true, 0);
    }

    /** A module with the settings that the worker's tests vary. */
    static ModuleManifest module(
            String name,
            List<BlobRef> classpath,
            List<BlobRef> files,
            List<String> jvmArguments,
            Map<String, String> systemProperties,
            long testTimeoutMillis,
            boolean reuseForks,
            int rerunFailingTestsCount) {
        return new ModuleManifest(
                name,
                classpath,
                files,
                "",
                jvmArguments,
                systemProperties,
                Map.of(),
                RunManifest.MODULE_DIR,
                testTimeoutMillis,
                reuseForks,
                rerunFailingTestsCount);
    }

    /** Writes the run's manifest to the store, where its workers look for it first. */
    static void publish(Store store, String runId, ModuleManifest... modules) {
        store.put(
                StoreKeys.manifest(runId), Documents.write(new RunManifest(Documents.SCHEMA, runId, List.of(modules))));
    }
}
