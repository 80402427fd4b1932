package io.cloudist.worker;

import io.cloudist.core.protocol.ModuleManifest;
import io.cloudist.core.protocol.RunManifest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The test JVMs of a run's modules on this worker: a {@link TaskRunner} per module, made on the module's first task,
 * its test JVM kept warm for the module's next one. At most {@link #MAX_WARM} stay open, fewer when the machine is
 * short of memory; the one used least recently is closed first.
 */
final class ModuleRunners implements AutoCloseable {
    /** The most test JVMs one worker keeps warm, one per module. */
    static final int MAX_WARM = 2;
    /** What one more warm test JVM needs free on the machine. */
    private static final long BYTES_PER_WARM_JVM = 1L << 30;

    private static final Logger LOG = LoggerFactory.getLogger(ModuleRunners.class);

    private final RunManifest manifest;
    private final Function<ModuleManifest, TestJvmConfig> configure;
    private final Heartbeats heartbeats;
    private final Map<String, TestJvmConfig> configs = new HashMap<>();
    private final LinkedHashMap<String, TaskRunner> open = new LinkedHashMap<>(8, 0.75f, true);

    /** @param configure the test JVM settings of a module on this worker, its files fetched first if need be */
    ModuleRunners(RunManifest manifest, Function<ModuleManifest, TestJvmConfig> configure, Heartbeats heartbeats) {
        this.manifest = manifest;
        this.configure = configure;
        this.heartbeats = heartbeats;
    }

    /** Starts the test JVM of the manifest's first module, the one with the most work, ahead of the first task. */
    void warmUp() {
        if (!manifest.modules().isEmpty()) {
            of(manifest.modules().get(0).module()).warmUp();
        }
    }

    /** The runner of the module an assignment names; "" names the only module of a run of one. */
    TaskRunner of(String moduleName) {
        ModuleManifest module = manifest.module(moduleName);
        TaskRunner runner = open.get(module.module());
        if (runner == null) {
            TestJvmConfig config = configs.computeIfAbsent(module.module(), k -> configure.apply(module));
            closeFor(warmLimit() - 1);
            runner = new TaskRunner(config, heartbeats);
            open.put(module.module(), runner);
        }
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
        for (int i = 0; open.size() > keep && i < eldestFirst.size(); i++) {
            LOG.info("Closing the test JVM of {} to make room for another module's", eldestFirst.get(i));
            open.remove(eldestFirst.get(i)).close();
        }
    }

    @Override
    public void close() {
        open.values().forEach(TaskRunner::close);
        open.clear();
    }
}
