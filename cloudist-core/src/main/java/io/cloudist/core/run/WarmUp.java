package io.cloudist.core.run;

import io.cloudist.core.concurrent.DaemonThreads;
import io.cloudist.core.discover.DiscoveryCache;
import io.cloudist.core.plan.TimingHistory;
import io.cloudist.core.protocol.Assignment;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.Heartbeat;
import io.cloudist.core.protocol.RunManifest;
import io.cloudist.core.protocol.TaskResult;
import io.cloudist.core.provision.InPlace;
import io.cloudist.core.store.FileHashes;
import io.cloudist.core.timeline.RunTimeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a run does first in a new JVM, done ahead on one background thread while Maven builds the reactor's other
 * modules: Jackson's serializers of the run's documents, and the hashes of each collected module's jars ({@link
 * FileHashes}), which the run's shipment then finds unchanged. Nothing here is needed: a failure is left for the run
 * to meet, and a run that starts before its warm-up ends does the rest itself.
 */
final class WarmUp {
    private static final ThreadPoolExecutor THREAD = thread();
    private static final AtomicBoolean DOCUMENTS = new AtomicBoolean();

    private WarmUp() {}

    /** Queues the warm-up of {@code request}'s run: the documents once per JVM, then the module's jars. */
    static void ahead(RunRequest request) {
        List<Path> entries = new ArrayList<>(request.testJvm().classpath());
        entries.add(request.shipping().runnerJar());
        ahead(entries);
    }

    /** Queues the documents' warm-up, once per JVM, and the hashing of the files among {@code entries}. */
    static Future<?> ahead(List<Path> entries) {
        return THREAD.submit(() -> {
            if (DOCUMENTS.compareAndSet(false, true)) {
                try {
                    Documents.prefetch(
                            InPlace.class,
                            RunManifest.class,
                            Assignment.class,
                            TaskResult.class,
                            Heartbeat.class,
                            RunTimeline.class);
                    TimingHistory.prefetch();
                    DiscoveryCache.prefetch();
                } catch (RuntimeException | LinkageError e) {
                    // the run's first write meets it
                }
            }
            hash(entries);
        });
    }

    /** Hashes the files among {@code entries}; directories are archived by the run itself. */
    private static void hash(List<Path> entries) {
        for (Path entry : entries) {
            if (Files.isRegularFile(entry)) {
                try {
                    FileHashes.shared().remembered(entry);
                } catch (IOException | RuntimeException e) {
                    // the run's shipment reports an unreadable entry
                }
            }
        }
    }

    private static ThreadPoolExecutor thread() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                1, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), DaemonThreads.named("cloudist-warm-up"));
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
