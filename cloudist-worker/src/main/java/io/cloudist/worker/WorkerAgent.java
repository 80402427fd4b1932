package io.cloudist.worker;

import io.cloudist.core.protocol.Assignment;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.RunManifest;
import io.cloudist.core.protocol.TaskResult;
import io.cloudist.core.ship.BundleMaterializer;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import io.cloudist.core.store.Stores;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker agent: fetches the run's bundle, then takes assignment after assignment from the Store, runs each in a
 * test JVM and writes its result, until it is told to stop (or its coordinator is gone).
 */
public final class WorkerAgent {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerAgent.class);

    private final WorkerOptions options;

    public WorkerAgent(WorkerOptions options) {
        this.options = options;
    }

    public void run() throws InterruptedException {
        if (options.exitWithParent()) {
            ParentWatch.exitWhenStdinCloses();
        }
        try (Store store = Stores.open(options.store(), options.directory().resolve("store"));
                Heartbeats heartbeats = new Heartbeats(store, options.runId(), options.workerId())) {
            Poller poller = new Poller();
            RunManifest manifest = Documents.read(
                    poller.await(() -> store.get(StoreKeys.manifest(options.runId()))), RunManifest.class);
            Path runDir = options.directory().resolve("run-" + options.runId());
            Path moduleDir = runDir.resolve("module");
            long start = System.currentTimeMillis();
            List<Path> classpath = new BundleMaterializer(store, options.cache())
                    .materialize(manifest, moduleDir, runDir.resolve("classpath"));
            LOG.info("Bundle ready in {} ms: {} classpath entries", System.currentTimeMillis() - start, classpath.size());
            TestJvmConfig jvm = TestJvmConfig.from(manifest, moduleDir, classpath, runDir.resolve("jvm"));
            try (TaskRunner runner = new TaskRunner(jvm, heartbeats)) {
                runner.warmUp();
                for (int seq = 0; ; seq++) {
                    int n = seq;
                    Assignment assignment = Documents.read(
                            poller.await(() -> store.get(StoreKeys.assignment(options.runId(), options.workerId(), n))),
                            Assignment.class);
                    if (assignment.stop()) {
                        LOG.info("Told to stop after {} assignments", seq);
                        return;
                    }
                    heartbeats.working(seq);
                    TaskResult result = runner.run(assignment, options.workerId());
                    store.put(StoreKeys.result(options.runId(), options.workerId(), seq), Documents.write(result));
                    heartbeats.idle();
                }
            }
        }
    }

    /** Polls the store with a short, growing back-off: cheap GETs, no LISTs. */
    static final class Poller {
        byte[] await(java.util.function.Supplier<Optional<byte[]>> get) throws InterruptedException {
            long sleep = 5;
            while (true) {
                Optional<byte[]> value = get.get();
                if (value.isPresent()) {
                    return value.get();
                }
                Thread.sleep(sleep);
                sleep = Math.min(sleep * 2, 100);
            }
        }
    }
}
