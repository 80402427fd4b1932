package io.cloudist.worker;

import io.cloudist.core.jvm.ClassDataArchive;
import io.cloudist.core.protocol.Assignment;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.ModuleManifest;
import io.cloudist.core.protocol.RunManifest;
import io.cloudist.core.protocol.TaskResult;
import io.cloudist.core.protocol.WorkerCadence;
import io.cloudist.core.provision.InPlace;
import io.cloudist.core.ship.BundleMaterializer;
import io.cloudist.core.store.ResilientStore;
import io.cloudist.core.store.StoreKeys;
import io.cloudist.core.store.StoreLocations;
import io.cloudist.core.store.StoreOutageException;
import io.cloudist.core.store.Stores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker agent: for each run it works for, fetches the run's bundle, then takes assignment after assignment from
 * the Store, runs each in a test JVM and writes its result, until it is told to stop or the run's lease lapses.
 * In pool mode it then waits, warm, for the next run to claim it, and exits when its idle time is over.
 *
 * <p>On EC2 it watches for a spot interruption notice: then it says so in its heartbeat at once (the coordinator
 * re-queues its tasks), takes no more work, and exits.
 *
 * <p>The store is a {@link ResilientStore}: an outage of up to {@code --store-outage-seconds} is ridden out (a result
 * that cannot be written is written when the store is back); a longer one makes the worker leave the run, as a lapsed
 * lease does, and then the pool.
 */
public final class WorkerAgent {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerAgent.class);

    /** How long an agent that is done waits for the class data archives its test JVMs' writers are writing. */
    private static final Duration CLASS_DATA_PATIENCE = Duration.ofSeconds(60);

    private final WorkerOptions options;
    private final TestJvms jvms;
    private final TestClassData classData;
    private final AtomicReference<String> eviction = new AtomicReference<>("");
    private volatile Heartbeats current;
    private Deadline deadline;

    public WorkerAgent(WorkerOptions options) {
        this(options, TestJvms.unlimited());
    }

    /** @param jvms starts this agent's test JVMs, and kills them if the agent is terminated */
    WorkerAgent(WorkerOptions options, TestJvms jvms) {
        this.options = options;
        this.jvms = jvms;
        this.classData = new TestClassData(options.cache().resolve(ClassDataArchive.CACHE_DIRECTORY));
    }

    public void run() throws InterruptedException {
        if (options.exitWithParent()) {
            ParentWatch.exitWhenStdinCloses();
        }
        SpotNotices notices =
                options.imds().isEmpty() ? null : new SpotNotices(options.imds(), SpotNotices.PERIOD, this::evict);
        Duration outageBudget = Duration.ofSeconds(options.storeOutageSeconds());
        deadline = new Deadline(options.deadlineFile(), Clock.systemUTC(), outageBudget);
        try (ResilientStore store = new ResilientStore(
                Stores.open(options.store(), options.directory().resolve("store")), outageBudget)) {
            if (options.runId() != null) {
                serveUnlessOut(store, options.runId());
            }
            if (options.pool()) {
                try {
                    Pool pool = new Pool(store, options, deadline);
                    for (Optional<String> next = pool.awaitOffer();
                            next.isPresent() && !evicted();
                            next = pool.awaitOffer()) {
                        serveUnlessOut(store, next.get());
                    }
                } catch (StoreOutageException e) {
                    LOG.warn("Leaving the pool: {}", e.getMessage());
                }
            }
        } finally {
            deadline.clear();
            if (notices != null) {
                notices.close();
            }
            classData.awaitWriters(CLASS_DATA_PATIENCE);
            classData.close();
        }
        if (evicted()) {
            LOG.info("Evicted ({}); exiting", eviction.get());
        }
    }

    /** Goes away: tells the run in progress at once, then takes no more work. */
    private void evict(String reason) {
        eviction.compareAndSet("", reason);
        Heartbeats heartbeats = current;
        if (heartbeats != null) {
            heartbeats.evicting(reason);
        }
    }

    /** Each poll of a wait: the agent makes progress as long as it polls, and stops waiting once evicted. */
    private boolean waitingOrEvicted() {
        deadline.within(Deadline.WAITING);
        return evicted();
    }

    private boolean evicted() {
        return !eviction.get().isEmpty();
    }

    private void serveUnlessOut(ResilientStore store, String runId) throws InterruptedException {
        try {
            serve(store, runId);
        } catch (StoreOutageException e) {
            LOG.warn("Leaving run {}: {}", runId, e.getMessage());
        }
    }

    private void serve(ResilientStore store, String runId) throws InterruptedException {
        LOG.info("Working for run {}", runId);
        WorkerCadence cadence = options.pool() ? WorkerCadence.CLOUD : WorkerCadence.LOCAL;
        try (Heartbeats heartbeats = new Heartbeats(store, runId, options.workerId(), cadence, options.bootSteps())) {
            current = heartbeats;
            if (evicted()) {
                heartbeats.evicting(eviction.get());
                return;
            }
            RunPoller poller = new RunPoller(
                    store,
                    runId,
                    store.uptimeClock(),
                    Duration.ofSeconds(options.storeOutageSeconds()),
                    this::waitingOrEvicted,
                    cadence);
            Optional<byte[]> rawManifest = poller.await(StoreKeys.manifest(runId));
            if (rawManifest.isEmpty()) {
                return;
            }
            RunManifest manifest = Documents.read(rawManifest.get(), RunManifest.class);
            long joinedMillis = System.currentTimeMillis(); // for the timeline: this worker is up for the run
            deadline.within(Deadline.JOINING);
            Path runDir = options.directory().resolve("run-" + runId);
            RunDirectories.deleteOthers(options.directory(), runDir);
            InPlace inPlace = options.inPlace() == null ? null : InPlace.read(options.inPlace());
            BundleMaterializer materializer = new BundleMaterializer(store, options.cache());
            List<String> order =
                    manifest.modules().stream().map(ModuleManifest::module).toList();
            Function<ModuleManifest, TestJvmConfig> configure = module -> {
                // The first module keeps the paths of a run of one module; the others get their own JVM scratch.
                int index = order.indexOf(module.module());
                Path scratch = runDir.resolve(index <= 0 ? "jvm" : "jvm-" + index);
                if (inPlace != null) {
                    InPlace.Module here = inPlace.module(module.module());
                    LOG.info(
                            "Running {} in place in {}: {} classpath entries",
                            module.module(),
                            here.directory(),
                            here.classpath().size());
                    return TestJvmConfig.from(
                            module,
                            here.directory(),
                            here.classpathFiles(),
                            scratch,
                            TestJvmConfig.forkNumber(options.workerId()),
                            here.secretProperties(),
                            here.secretEnvironment());
                }
                long start = System.currentTimeMillis();
                BundleMaterializer.Materialized bundle =
                        materializer.materialize(module, runDir.resolve("tree"), runDir.resolve("classpath"));
                LOG.info(
                        "Bundle of {} ready in {} ms: {} classpath entries",
                        module.module(),
                        System.currentTimeMillis() - start,
                        bundle.classpath().size());
                return TestJvmConfig.from(
                        module,
                        bundle.moduleDirectory(),
                        bundle.classpath(),
                        scratch,
                        TestJvmConfig.forkNumber(options.workerId()),
                        Map.of(),
                        Map.of());
            };
            try (ModuleRunners runners = new ModuleRunners(manifest, configure, heartbeats, jvms, classData)) {
                if (!runners.severalModules() || options.pool()) {
                    // A local worker of a reactor's run gets its first assignment at once, and it may be any module's:
                    // its test JVM starts once the assignment names the module, rather than one of the first module's
                    // that would take a start slot and a core from the JVMs the first tasks wait for. A pool worker
                    // may wait for its first assignment as long as the coordinator's poll: it warms the first module,
                    // which the coordinator then hands it where that costs nothing.
                    runners.warmUp();
                }
                for (int seq = 0; ; seq++) {
                    if (evicted()) {
                        LOG.info("Leaving run {} after {} assignments: {}", runId, seq, eviction.get());
                        return;
                    }
                    String key = StoreKeys.assignment(runId, options.workerId(), seq);
                    Optional<byte[]> raw = seq == 0 ? poller.await(key) : poller.awaitAfterTask(key);
                    if (raw.isEmpty()) {
                        heartbeats.finish();
                        return;
                    }
                    Assignment assignment = Documents.read(raw.get(), Assignment.class);
                    if (assignment.stop()) {
                        LOG.info("Run {} done after {} assignments", runId, seq);
                        heartbeats.finish();
                        return;
                    }
                    if (assignment.moved()) {
                        LOG.info("Assignment {} ({}) went to an idle worker; skipping it", seq, assignment.taskId());
                        continue;
                    }
                    heartbeats.working(seq);
                    deadline.task(assignment.expectedSeconds());
                    TaskRunner runner = runners.of(assignment.module());
                    String nextKey = StoreKeys.assignment(runId, options.workerId(), seq + 1);
                    Future<?> lookAhead = runners.prepareNext(
                            () -> store.get(nextKey).map(written -> Documents.read(written, Assignment.class)),
                            runner::jvmUp,
                            StoreLocations.isLocal(options.store()));
                    TaskResult result;
                    try {
                        result = runner.run(assignment, options.workerId());
                    } finally {
                        lookAhead.cancel(true);
                    }
                    store.put(
                            StoreKeys.result(runId, options.workerId(), seq),
                            Documents.write(result.withAgent(joinedMillis, options.bootSteps())));
                    heartbeats.idle();
                }
            }
        } finally {
            current = null;
        }
    }
}
