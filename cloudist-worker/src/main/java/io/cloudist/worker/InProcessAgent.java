package io.cloudist.worker;

import io.cloudist.core.protocol.Assignment;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.Heartbeat;
import io.cloudist.core.provision.InPlace;
import io.cloudist.worker.log.WorkerLogs;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker agent on a thread of the coordinator's JVM, as the local backend runs its workers by default: the agent
 * of {@link WorkerMain}, from the same arguments, without a JVM of its own to start. The local provisioner loads it
 * from the worker's classpath in a class loader of its own, over the JDK's classes only, so that it meets neither
 * Maven's classes nor the plugin's (their Jackson and slf4j); it sees the agent only as a {@link Runnable}, which
 * is the worker's thread, and an {@link AutoCloseable}, which terminates it.
 *
 * <p>The agent writes its log to its own file; its test JVMs start in slots it shares with the other agents of the
 * JVM and with discovery; when closed it kills its test JVMs and interrupts its thread. Its thread ends when the
 * agent does, which is how the coordinator sees it stop, for whatever reason: told to, terminated, or failed (the
 * reason is in its log).
 */
public final class InProcessAgent implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessAgent.class);

    private final String[] args;
    private final Path log;
    private final TestJvms jvms;
    private volatile Thread thread;
    private volatile boolean terminated;

    /**
     * @param args the arguments {@link WorkerMain} takes
     * @param log the agent's log file, written anew
     * @param jvmStarts the start slots of JVMs in this JVM: takes one at a rank, gives back what returns it
     */
    public InProcessAgent(String[] args, Path log, IntFunction<Runnable> jvmStarts) {
        this.args = args.clone();
        this.log = log;
        this.jvms = new TestJvms(jvmStarts, rank(List.of(args)));
    }

    /** The worker's fork number, 1 for {@code w0}: the first workers get the longest tasks first. */
    private static int rank(List<String> args) {
        int worker = args.indexOf("--worker");
        return worker >= 0 && worker + 1 < args.size() ? TestJvmConfig.forkNumber(args.get(worker + 1)) : 0;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        try (PrintStream sink = new PrintStream(new FileOutputStream(log.toFile()), true, StandardCharsets.UTF_8)) {
            WorkerLogs.routeTo(sink);
            try {
                WorkerOptions options = WorkerOptions.parse(args);
                LOG.info("Worker {} started on a thread of the build's JVM", options.workerId());
                if (!terminated) {
                    new WorkerAgent(options, jvms).run();
                }
            } catch (Throwable e) {
                if (terminated) {
                    LOG.info("Terminated ({})", e.toString());
                } else {
                    LOG.error("The worker failed", e);
                }
            } finally {
                jvms.close();
                WorkerLogs.clear();
            }
        } catch (IOException e) {
            // no log to say it in: the thread ends, and the coordinator sees the worker stop
            jvms.close();
        }
    }

    /**
     * Gets the agents' classes ready before any agent starts: loads what every agent loads first and puts a document
     * of each kind it reads and writes through the store's JSON mapper, whose first use of a type is costly. The
     * local provisioner calls it while the run ships its classpath, so that the agents start warm; a failure here
     * is left for the agents to meet.
     */
    public static void warmUp() {
        try {
            for (Class<?> type : List.of(
                    WorkerAgent.class, ModuleRunners.class, TaskRunner.class, EventCollector.class, Heartbeats.class)) {
                Class.forName(type.getName(), true, InProcessAgent.class.getClassLoader());
            }
            Documents.read(Documents.write(Assignment.task(0, "t", 1, List.of("[engine:e]"), 1.0)), Assignment.class);
            Documents.read(
                    Documents.write(new Heartbeat(Documents.SCHEMA, "w", 0, -1, "", 0, false, "")), Heartbeat.class);
            Documents.read(Documents.write(InPlace.of(Path.of("module"), List.of(Path.of("classes")))), InPlace.class);
            Documents.mapper().readTree("{\"event\":\"end\",\"time\":0}");
        } catch (ReflectiveOperationException | IOException | RuntimeException e) {
            LOG.debug("Warming up the agents' classes failed: {}", e.toString());
        }
    }

    /** Terminates the agent: kills its test JVMs, starts no more, and interrupts its thread. */
    @Override
    public void close() {
        terminated = true;
        jvms.close();
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }
}
