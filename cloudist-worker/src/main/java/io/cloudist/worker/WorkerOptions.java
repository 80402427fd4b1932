package io.cloudist.worker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a worker agent was started.
 *
 * @param store the store location ({@link io.cloudist.core.store.Stores#open})
 * @param runId the run to work for
 * @param workerId this worker's id
 * @param directory this worker's own directory (module copies, test JVM files)
 * @param cache the blob cache, shared with the other workers of the machine
 * @param exitWithParent stop when standard input closes (the local coordinator died)
 */
public record WorkerOptions(
        String store, String runId, String workerId, Path directory, Path cache, boolean exitWithParent) {
    public WorkerOptions {
        Objects.requireNonNull(store, "--store");
        Objects.requireNonNull(runId, "--run");
        Objects.requireNonNull(workerId, "--worker");
        Objects.requireNonNull(directory, "--dir");
        cache = Objects.requireNonNullElse(cache, directory.resolve("cache"));
    }

    /** Parses {@code --store S --run R --worker W --dir D [--cache C] [--exit-with-parent]}. */
    public static WorkerOptions parse(String... args) {
        String store = null;
        String run = null;
        String worker = null;
        Path dir = null;
        Path cache = null;
        boolean exitWithParent = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--store" -> store = args[++i];
                case "--run" -> run = args[++i];
                case "--worker" -> worker = args[++i];
                case "--dir" -> dir = Path.of(args[++i]);
                case "--cache" -> cache = Path.of(args[++i]);
                case "--exit-with-parent" -> exitWithParent = true;
                default -> throw new IllegalArgumentException("Unknown worker option: " + args[i]);
            }
        }
        return new WorkerOptions(store, run, worker, dir, cache, exitWithParent);
    }
}
