package io.cloudist.core.provision;

import io.cloudist.core.CloudistException;
import io.cloudist.core.CloudistParameters;
import io.cloudist.core.jvm.JvmStarts;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * Starts worker agents on threads of this JVM: cloudist-worker's {@code InProcessAgent}, made from the arguments a
 * worker process would get. The agents' classes come from the worker classpath, in one class loader whose parent is
 * the JDK's platform loader: they meet neither the classes of the build tool nor those of the code that starts them
 * (another Jackson, another slf4j binding), and they have their own slf4j, whose binding writes each agent's log to
 * its own file. Only JDK types cross: the agent is a {@link Runnable} and an {@link AutoCloseable}. The loader is
 * made once per worker classpath and kept for the JVM's life, so later runs load nothing again.
 */
final class AgentThreads {
    /** The agent's class (cloudist-worker). */
    static final String AGENT = "io.cloudist.worker.InProcessAgent";

    private static final Map<List<String>, ClassLoader> LOADERS = new ConcurrentHashMap<>();

    private final List<Path> classpath;
    private final JvmStarts jvmStarts;
    private final String agentClass;

    /** @param classpath cloudist-worker and its dependencies */
    AgentThreads(List<Path> classpath) {
        this(classpath, JvmStarts.shared(), AGENT);
    }

    /** @param agentClass the agent's class: {@link #AGENT}, or a stand-in in tests */
    AgentThreads(List<Path> classpath, JvmStarts jvmStarts, String agentClass) {
        this.classpath = List.copyOf(classpath);
        this.jvmStarts = jvmStarts;
        this.agentClass = agentClass;
    }

    /**
     * Loads the agents' classes and warms them up on a daemon thread, if the agent's class has a static {@code
     * warmUp()}: what the first agents would do at once, done while the run ships its classpath. A failure is left
     * for the agents to meet.
     */
    void warmUp() {
        Thread warm = new Thread(
                () -> {
                    try {
                        loader(classpath)
                                .loadClass(agentClass)
                                .getMethod("warmUp")
                                .invoke(null);
                    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                        // the agents load what they need themselves
                    }
                },
                "cloudist-worker-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    /**
     * Starts agent {@code id} on a daemon thread of its own.
     *
     * @param arguments what {@code WorkerMain} would get
     * @param log the agent's log file
     */
    WorkerHandle start(String id, List<String> arguments, Path log) {
        ClassLoader loader = loader(classpath);
        Object agent;
        try {
            agent = loader.loadClass(agentClass)
                    .getConstructor(String[].class, Path.class, IntFunction.class)
                    .newInstance(arguments.toArray(String[]::new), log, jvmStarts.asFunction());
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            throw new CloudistException(
                    "Cannot start local worker " + id + " in this JVM (" + e + "); to start each worker in a JVM of"
                            + " its own, set " + CloudistParameters.LOCAL_WORKERS.option() + "=process",
                    e);
        }
        jvmStarts.expect(rank(id)); // the agent asks at this rank for its first test JVM's slot
        Thread thread = new Thread((Runnable) agent, "cloudist-worker-" + id);
        thread.setDaemon(true);
        thread.setContextClassLoader(loader);
        thread.start();
        return new AgentThread(id, thread, (AutoCloseable) agent, log);
    }

    /** A worker's rank for start slots, its fork number: {@code w0} is 1, as the agent reckons it. */
    static int rank(String workerId) {
        String digits = workerId.replaceFirst("^.*?(\\d+)$", "$1");
        try {
            return Integer.parseInt(digits) + 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static ClassLoader loader(List<Path> classpath) {
        List<String> key = new ArrayList<>();
        classpath.forEach(entry -> key.add(entry.toAbsolutePath() + "|" + fingerprint(entry)));
        return LOADERS.computeIfAbsent(
                key, k -> new URLClassLoader("cloudist-worker", urls(classpath), ClassLoader.getPlatformClassLoader()));
    }

    private static URL[] urls(List<Path> classpath) {
        return classpath.stream()
                .map(entry -> {
                    try {
                        return entry.toUri().toURL();
                    } catch (MalformedURLException e) {
                        throw new CloudistException("Cannot load the worker from " + entry + ": " + e.getMessage(), e);
                    }
                })
                .toArray(URL[]::new);
    }

    /** A rebuilt jar, e.g. between two builds of a long-lived JVM, gets a loader of its own. */
    private static String fingerprint(Path entry) {
        try {
            return Files.size(entry) + "@" + Files.getLastModifiedTime(entry).toMillis();
        } catch (IOException e) {
            return "missing";
        }
    }

    /** One agent on its thread. */
    record AgentThread(String id, Thread thread, AutoCloseable agent, Path log) implements WorkerHandle {
        @Override
        public boolean isAlive() {
            return thread.isAlive();
        }

        /** Kills the agent's test JVMs and interrupts its thread, which then ends. */
        @Override
        public void terminate() {
            try {
                agent.close();
            } catch (Exception e) {
                thread.interrupt();
            }
        }

        /** Waits up to {@code millis} for the agent's thread to end. */
        void awaitEnd(long millis) {
            try {
                thread.join(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public String describe() {
            return "local worker " + id + " (log: " + log + ")";
        }
    }
}
