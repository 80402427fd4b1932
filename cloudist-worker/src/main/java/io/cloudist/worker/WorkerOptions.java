package io.cloudist.worker;

import io.cloudist.core.CloudistProperties;
import io.cloudist.core.protocol.BootSteps;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.LoggerFactory;

/**
 * How a worker agent was started.
 *
 * @param store the store location ({@link io.cloudist.core.store.Stores#open})
 * @param runId the run to work for first; null for a worker that starts in the warm pool
 * @param workerId this worker's id
 * @param directory this worker's own directory (module copies, test JVM files)
 * @param cache the blob cache, shared with the other workers of the machine
 * @param exitWithParent stop when standard input closes (the local coordinator died)
 * @param pool after a run, wait in the warm pool for the next one
 * @param idleMinutes how long to wait in the pool before exiting (fractions allowed)
 * @param host where this worker runs (e.g. an instance id), for the pool's records
 * @param imds the instance metadata service to watch for spot interruption notices; "" for none (local workers)
 * @param storeOutageSeconds how long to ride out an outage of the store before leaving the run (the run's
 *     {@code cloudist.storeOutageSeconds})
 * @param inPlace a local worker's {@link io.cloudist.core.provision.InPlace} file: run the tests in the module
 *     directory on the classpath's own files; null to rebuild the module from the store
 * @param deadlineFile where to keep this agent's {@link Deadline}, which the instance's boot script watches; null for
 *     none (local workers)
 * @param retireAtMillis when to stop waiting in the pool for new runs (epoch milliseconds: the instance's end of life
 *     draws near); 0 for never
 * @param bootSteps how this worker's instance booted, as its boot script timed it, for the run's timeline; {@link
 *     BootSteps#NONE} for none
 * @param bundle the name of this agent's code ({@link io.cloudist.core.provision.WorkerBundle#id}), which it writes
 *     in its warm-pool state so that only runs of the same cloudist claim it; "" for none
 */
public record WorkerOptions(
        String store,
        String runId,
        String workerId,
        Path directory,
        Path cache,
        boolean exitWithParent,
        boolean pool,
        double idleMinutes,
        String host,
        String imds,
        int storeOutageSeconds,
        Path inPlace,
        Path deadlineFile,
        long retireAtMillis,
        BootSteps bootSteps,
        String bundle) {
    public WorkerOptions {
        Objects.requireNonNull(store, "--store");
        Objects.requireNonNull(workerId, "--worker");
        Objects.requireNonNull(directory, "--dir");
        if (runId == null && !pool) {
            throw new IllegalArgumentException("Give --run RUN_ID, --pool, or both");
        }
        cache = Objects.requireNonNullElse(cache, directory.resolve("cache"));
        host = Objects.requireNonNullElse(host, "");
        imds = Objects.requireNonNullElse(imds, "");
        if (storeOutageSeconds < 0) {
            throw new IllegalArgumentException("--store-outage-seconds must be 0 or more: " + storeOutageSeconds);
        }
        if (retireAtMillis < 0) {
            throw new IllegalArgumentException("--retire-at must be 0 or more: " + retireAtMillis / 1000);
        }
        bootSteps = Objects.requireNonNullElse(bootSteps, BootSteps.NONE);
        bundle = Objects.requireNonNullElse(bundle, "");
    }

    static final int DEFAULT_OUTAGE_SECONDS = Integer.parseInt(CloudistProperties.DEFAULT_STORE_OUTAGE_SECONDS);

    long idleMillis() {
        return Math.round(idleMinutes * 60_000);
    }

    /** A worker for one run, as the local backend starts it. */
    public static WorkerOptions forRun(String store, String runId, String workerId, Path directory, Path cache) {
        return new WorkerOptions(
                store,
                runId,
                workerId,
                directory,
                cache,
                false,
                false,
                0,
                "",
                "",
                DEFAULT_OUTAGE_SECONDS,
                null,
                null,
                0,
                BootSteps.NONE,
                "");
    }

    /**
     * Parses {@code --store S --worker W --dir D [--run R] [--pool] [--idle-minutes N] [--host H] [--cache C]
     * [--exit-with-parent] [--imds URL] [--store-outage-seconds N] [--in-place FILE] [--deadline-file FILE]
     * [--retire-at EPOCH_SECONDS] [--boot-steps boot=MS,NAME=FROM-TO,...,agents=MS] [--bundle ID]}. Boot steps that cannot be read
     * are left out, with a warning: they only inform the run's timeline.
     */
    public static WorkerOptions parse(String... args) {
        String store = null;
        String run = null;
        String worker = null;
        Path dir = null;
        Path cache = null;
        boolean exitWithParent = false;
        boolean pool = false;
        double idleMinutes = 5;
        String host = "";
        String imds = "";
        int storeOutageSeconds = DEFAULT_OUTAGE_SECONDS;
        Path inPlace = null;
        Path deadlineFile = null;
        long retireAt = 0;
        BootSteps bootSteps = BootSteps.NONE;
        String bundle = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--store" -> store = args[++i];
                case "--run" -> run = args[++i];
                case "--worker" -> worker = args[++i];
                case "--dir" -> dir = Path.of(args[++i]);
                case "--cache" -> cache = Path.of(args[++i]);
                case "--exit-with-parent" -> exitWithParent = true;
                case "--pool" -> pool = true;
                case "--idle-minutes" -> idleMinutes = Double.parseDouble(args[++i]);
                case "--host" -> host = args[++i];
                case "--imds" -> imds = args[++i];
                case "--store-outage-seconds" -> storeOutageSeconds = Integer.parseInt(args[++i]);
                case "--in-place" -> inPlace = Path.of(args[++i]);
                case "--deadline-file" -> deadlineFile = Path.of(args[++i]);
                case "--retire-at" -> retireAt = Long.parseLong(args[++i]) * 1000;
                case "--boot-steps" -> bootSteps = bootSteps(args[++i]);
                case "--bundle" -> bundle = args[++i];
                default -> throw new IllegalArgumentException("Unknown worker option: " + args[i]);
            }
        }
        return new WorkerOptions(
                store,
                run,
                worker,
                dir,
                cache,
                exitWithParent,
                pool,
                idleMinutes,
                host,
                imds,
                storeOutageSeconds,
                inPlace,
                deadlineFile,
                retireAt,
                bootSteps,
                bundle);
    }

    private static BootSteps bootSteps(String text) {
        try {
            return BootSteps.parse(text);
        } catch (IllegalArgumentException e) {
            LoggerFactory.getLogger(WorkerOptions.class).warn("Boot steps left out: {}", e.getMessage());
            return BootSteps.NONE;
        }
    }
}
