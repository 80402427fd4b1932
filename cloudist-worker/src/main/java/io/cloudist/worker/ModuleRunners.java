package io.cloudist.worker;

import io.cloudist.core.concurrent.DaemonThreads;
import io.cloudist.core.protocol.Assignment;
import io.cloudist.core.protocol.ModuleManifest;
import io.cloudist.core.protocol.RunManifest;
import io.cloudist.core.protocol.WorkerTimes;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The test JVMs of a run's modules on this worker: a {@link TaskRunner} per module, made on the module's first task,
 * its test JVM kept warm for the module's next one. At most {@link #MAX_WARM} stay open, fewer when the machine is
 * short of memory; the one used least recently is closed first. The module of the worker's next task can be
 * {@linkplain #prepare prepared} while the current one runs: its files fetched and its test JVM started in the
 * background, so that switching modules costs no start-up.
 */
final class ModuleRunners implements AutoCloseable {
    /** The most test JVMs one worker keeps warm, one per module. */
    static final int MAX_WARM = 2;
    /** What one more warm test JVM needs free on the machine. */
    private static final long BYTES_PER_WARM_JVM = 1L << 30;

    /**
     * The first pause between looks for the next assignment; each pause doubles, up to the longest. The coordinator
     * writes it within milliseconds of seeing the task start on a local store, and a task of the end of a run may last
     * less than a second: a JVM started 200 ms late is still starting when its task begins.
     */
    private static final long FIRST_LOOK_MILLIS = 50;

    private static final long LONGEST_LOOK_PAUSE_MILLIS = 5_000;

    /** The pause between looks at whether the current task's test JVM is up. */
    private static final long CURRENT_UP_CHECK_MILLIS = 20;

    private static final Logger LOG = LoggerFactory.getLogger(ModuleRunners.class);

    private final RunManifest manifest;
    private final Function<ModuleManifest, TestJvmConfig> configure;
    private final Heartbeats heartbeats;
    private final TestJvms jvms;
    private final TestClassData classData;
    private final Map<String, TestJvmClassData> classDataByModule = new HashMap<>();
    private final Map<String, CompletableFuture<TestJvmConfig>> configs = new HashMap<>();
    /** When each module's files were fetched, until the module's first runner is opened. */
    private final Map<String, WorkerTimes.Interval> fetched = new ConcurrentHashMap<>();

    private final LinkedHashMap<String, TaskRunner> open = new LinkedHashMap<>(8, 0.75f, true);
    private final ExecutorService preparer = Executors.newSingleThreadExecutor(DaemonThreads.named("cloudist-prepare"));
    private final ExecutorService lookout =
            Executors.newSingleThreadExecutor(DaemonThreads.named("cloudist-look-ahead"));
    private boolean closed;
    /** The module of the task running or about to run, whose test JVM making room never closes. */
    private String current = "";

    /** @param configure the test JVM settings of a module on this worker, its files fetched first if need be */
    ModuleRunners(RunManifest manifest, Function<ModuleManifest, TestJvmConfig> configure, Heartbeats heartbeats) {
        this(manifest, configure, heartbeats, TestJvms.unlimited(), TestClassData.none());
    }

    /**
     * @param jvms starts the test JVMs of every module's runner
     * @param classData the class data archives of this worker's test JVMs
     */
    ModuleRunners(
            RunManifest manifest,
            Function<ModuleManifest, TestJvmConfig> configure,
            Heartbeats heartbeats,
            TestJvms jvms,
            TestClassData classData) {
        this.manifest = manifest;
        this.configure = configure;
        this.heartbeats = heartbeats;
        this.jvms = jvms;
        this.classData = classData;
    }

    /** Starts the test JVM of a run's only module ahead of the first task. */
    void warmUp() {
        if (!manifest.modules().isEmpty()) {
            of(manifest.modules().get(0).module()).warmUp();
        }
    }

    /** Whether the run has modules enough for {@link #prepare} to be worth a look at the next task. */
    boolean severalModules() {
        return manifest.modules().size() > 1;
    }

    /**
     * Gets the module of the worker's next task ready in the background while another module's task runs: its files
     * fetched and, when memory allows a second warm test JVM, that JVM started and the task's tests discovered in it
     * ahead of their run. Nothing happens for a module already open, and a failure is left for the module's task to
     * meet and report.
     */
    void prepare(Assignment next) {
        ModuleManifest module;
        try {
            module = manifest.module(next.module());
        } catch (RuntimeException e) {
            return;
        }
        TaskRunner openRunner = null;
        synchronized (this) {
            // looked up without a get, which would count as a use of the module and reorder the warm JVMs
            for (Map.Entry<String, TaskRunner> entry : open.entrySet()) {
                if (!closed && entry.getKey().equals(module.module())) {
                    openRunner = entry.getValue();
                }
            }
        }
        if (openRunner != null) {
            openRunner.prepare(next.uniqueIds());
            return;
        }
        synchronized (this) {
            if (closed || open.containsKey(module.module()) || warmLimit() < 2) {
                return;
            }
            CompletableFuture<TestJvmConfig> config = configOf(module);
            config.thenAcceptAsync(
                    ready -> {
                        synchronized (this) {
                            if (!closed && !open.containsKey(module.module()) && warmLimit() >= 2) {
                                LOG.info("Starting the test JVM of {} ahead of its task", module.module());
                                TaskRunner runner = openRunner(module.module(), ready);
                                runner.warmUp();
                                runner.prepare(next.uniqueIds());
                            }
                        }
                    },
                    preparer);
        }
    }

    /**
     * Until the returned future is cancelled, looks for the worker's next assignment, which the coordinator writes
     * once it has seen the current task start, pausing longer each time, and {@linkplain #prepare prepares} its
     * module once it is there and the current task's test JVM is up: a JVM started ahead must not delay the start of
     * the one the current task waits for. In a run of one module, the next task's tests are discovered in the JVM that
     * runs the current one, once it ends; there the looking is worth its store requests only when they cost nothing.
     *
     * @param next the next assignment if it is written yet; an error ends the looking, and the task itself will
     *     meet the store's trouble
     * @param currentUp whether the test JVM of the task that runs now is up
     * @param looksAreFree whether a look at the store costs nothing (a local directory), rather than a request
     */
    Future<?> prepareNext(Supplier<Optional<Assignment>> next, BooleanSupplier currentUp, boolean looksAreFree) {
        if (!severalModules() && !looksAreFree) {
            return CompletableFuture.completedFuture(null);
        }
        return lookout.submit(() -> {
            long pause = FIRST_LOOK_MILLIS;
            try {
                while (true) {
                    Optional<Assignment> assignment = next.get();
                    if (assignment.isPresent()) {
                        if (!assignment.get().stop() && !assignment.get().moved()) {
                            while (!currentUp.getAsBoolean()) {
                                Thread.sleep(CURRENT_UP_CHECK_MILLIS);
                            }
                            prepare(assignment.get());
                        }
                        return;
                    }
                    Thread.sleep(pause);
                    pause = Math.min(pause * 2, LONGEST_LOOK_PAUSE_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.debug("Stopped looking for the next assignment: {}", e.toString());
            }
        });
    }

    /** The runner of the module an assignment names; "" names the only module of a run of one. */
    TaskRunner of(String moduleName) {
        ModuleManifest module = manifest.module(moduleName);
        CompletableFuture<TestJvmConfig> config;
        synchronized (this) {
            current = module.module();
            TaskRunner runner = open.get(module.module());
            if (runner != null) {
                return runner;
            }
            config = configOf(module);
        }
        TestJvmConfig ready;
        try {
            ready = config.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        synchronized (this) {
            TaskRunner runner = open.get(module.module());
            return runner != null ? runner : openRunner(module.module(), ready);
        }
    }

    /** The modules whose runner is open, least recently used first. */
    synchronized List<String> openModules() {
        return List.copyOf(open.keySet());
    }

    /** The module's settings, being made or made; a failed making is made again on the next call. */
    private CompletableFuture<TestJvmConfig> configOf(ModuleManifest module) {
        CompletableFuture<TestJvmConfig> config = configs.get(module.module());
        if (config == null || config.isCompletedExceptionally()) {
            config = CompletableFuture.supplyAsync(
                    () -> {
                        long from = System.currentTimeMillis();
                        TestJvmConfig made = configure.apply(module);
                        fetched.put(module.module(), new WorkerTimes.Interval(from, System.currentTimeMillis()));
                        return made;
                    },
                    preparer);
            configs.put(module.module(), config);
        }
        return config;
    }

    private TaskRunner openRunner(String module, TestJvmConfig config) {
        closeFor(warmLimit() - 1);
        TestJvmClassData sharing = classDataByModule.computeIfAbsent(module, m -> classData.forModule(m, config));
        TaskRunner runner = new TaskRunner(config, heartbeats, jvms, sharing);
        WorkerTimes.Interval files = fetched.remove(module);
        if (files != null) {
            runner.filesFetched(files);
        }
        open.put(module, runner);
        return runner;
    }

    /** How many test JVMs may stay warm: {@link #MAX_WARM}, fewer when available memory is short, at least one. */
    static int warmLimit() {
        return (int) Math.max(1, Math.min(MAX_WARM, availableMemory() / BYTES_PER_WARM_JVM));
    }

    /**
     * The memory the machine can give without swapping: Linux's MemAvailable, which counts reclaimable page cache (a
     * worker that just unpacked a classpath has much of it), else the free memory the JVM reports.
     */
    static long availableMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            LOG.debug("Cannot read /proc/meminfo: {}", e.toString());
        }
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getFreeMemorySize()
                : Long.MAX_VALUE;
    }

    /** Closes the least recently used runners until at most {@code keep} are open. */
    private void closeFor(int keep) {
        List<String> eldestFirst = new ArrayList<>(open.keySet());
        eldestFirst.remove(current);
        for (int i = 0; open.size() > keep && i < eldestFirst.size(); i++) {
            LOG.info("Closing the test JVM of {} to make room for another module's", eldestFirst.get(i));
            open.remove(eldestFirst.get(i)).close();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            open.values().forEach(TaskRunner::close);
            open.clear();
        }
        lookout.shutdownNow();
        preparer.shutdownNow();
    }
}
