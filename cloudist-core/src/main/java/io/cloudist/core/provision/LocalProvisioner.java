package io.cloudist.core.provision;

import io.cloudist.core.CloudistException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts local workers, each with its own directory and log ({@code <id>.log}), sharing one blob cache: on threads of
 * this JVM ({@link LocalWorkers#THREAD}, {@link AgentThreads}), or as processes, {@code java -cp <worker classpath>
 * io.cloudist.worker.WorkerMain ...}, sharing one class data archive ({@link AgentClassData}). Both get the same
 * arguments. Given an {@link InPlace}, its workers run the tests in the module directory on the classpath's own files,
 * as Surefire does.
 */
public final class LocalProvisioner implements Provisioner {
    /** The worker agent's main class (cloudist-worker). */
    public static final String WORKER_MAIN = "io.cloudist.worker.WorkerMain";

    private static final long EXIT_GRACE_MILLIS = 3_000;

    private final Path java;
    private final List<Path> workerClasspath;
    private final Path workersDirectory;
    private final AgentClassData classData;
    private final AgentThreads threads;
    private final Path inPlaceFile;
    private final List<LocalWorker> started = new ArrayList<>();
    private final List<AgentThreads.AgentThread> threaded = new ArrayList<>();
    private volatile boolean closed;
    private int nextId;

    /**
     * @param java the java that runs the agents
     * @param workerClasspath cloudist-worker and its dependencies
     * @param workersDirectory where each worker gets {@code <id>/} and {@code <id>.log}, and the shared cache lives
     */
    public LocalProvisioner(Path java, List<Path> workerClasspath, Path workersDirectory) {
        this(java, workerClasspath, workersDirectory, null);
    }

    /** @param inPlace where the workers run the tests; null to rebuild the module from the store, as remote ones do */
    public LocalProvisioner(Path java, List<Path> workerClasspath, Path workersDirectory, InPlace inPlace) {
        this(java, workerClasspath, workersDirectory, inPlace, LocalWorkers.PROCESS);
    }

    /** @param mode on threads of this JVM, or in processes */
    public LocalProvisioner(
            Path java, List<Path> workerClasspath, Path workersDirectory, InPlace inPlace, LocalWorkers mode) {
        this.java = java;
        this.workerClasspath = List.copyOf(workerClasspath);
        this.workersDirectory = workersDirectory;
        this.classData =
                mode == LocalWorkers.PROCESS ? new AgentClassData(java, workerClasspath, workersDirectory) : null;
        this.threads = mode == LocalWorkers.THREAD ? new AgentThreads(workerClasspath) : null;
        if (threads != null) {
            threads.warmUp(); // while the run ships its classpath and writes its manifest
        }
        this.inPlaceFile = inPlace == null ? null : workersDirectory.resolve("in-place.json");
        if (inPlace != null) {
            inPlace.write(inPlaceFile);
        }
    }

    @Override
    public synchronized List<WorkerHandle> start(WorkerLaunch launch) {
        if (closed) {
            throw new CloudistException("The run is ending: no local worker is started");
        }
        List<WorkerHandle> handles = new ArrayList<>();
        for (int i = 0; i < launch.workers(); i++) {
            String id = "w" + nextId++;
            Path dir = workersDirectory.resolve(id);
            Path log = workersDirectory.resolve(id + ".log");
            List<String> arguments = new ArrayList<>(List.of(
                    "--store",
                    launch.storeLocation(),
                    "--run",
                    launch.runId(),
                    "--worker",
                    id,
                    "--dir",
                    dir.toString(),
                    "--cache",
                    workersDirectory.resolve("cache").toString(),
                    "--store-outage-seconds",
                    String.valueOf(launch.storeOutageSeconds())));
            if (inPlaceFile != null) {
                arguments.addAll(List.of("--in-place", inPlaceFile.toString()));
            }
            try {
                Files.createDirectories(dir);
                handles.add(threads != null ? startThread(id, arguments, log) : startProcess(id, arguments, log));
            } catch (IOException | CloudistException e) {
                close();
                throw e instanceof CloudistException c
                        ? c
                        : new CloudistException(
                                "Cannot start local worker " + id + " with " + java + ": " + e.getMessage(), e);
            }
        }
        return handles;
    }

    private WorkerHandle startThread(String id, List<String> arguments, Path log) {
        AgentThreads.AgentThread worker = (AgentThreads.AgentThread) threads.start(id, arguments, log);
        synchronized (started) {
            threaded.add(worker);
        }
        return worker;
    }

    /** A worker process exits when its standard input, our pipe, closes: when this JVM is gone. */
    private WorkerHandle startProcess(String id, List<String> arguments, Path log) throws IOException {
        List<String> command =
                new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        List<String> classDataOptions = classData.nextAgentOptions();
        command.addAll(classDataOptions);
        command.addAll(List.of(
                "-cp",
                String.join(
                        File.pathSeparator,
                        workerClasspath.stream().map(Path::toString).toList()),
                WORKER_MAIN));
        command.addAll(arguments);
        command.add("--exit-with-parent");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        LocalWorker worker = new LocalWorker(id, process, log, AgentClassData.writes(classDataOptions));
        synchronized (started) {
            started.add(worker);
        }
        return worker;
    }

    /**
     * Terminates the workers (and their test JVMs) at once: by now they have been told to stop, or the run is being
     * aborted, and nothing they still do matters. Workers on threads are waited for a moment, so that none writes to
     * the store once the run is over. Only an agent process that writes the class data archive gets a moment to
     * exit by itself, since the archive is written on exit; one that has to be terminated may leave a partial
     * archive, which is deleted.
     */
    @Override
    public void close() {
        closed = true;
        if (inPlaceFile != null) {
            try {
                Files.deleteIfExists(inPlaceFile); // it may hold secrets, and the workers have read it
            } catch (IOException e) {
                // it is readable by its owner only
            }
        }
        synchronized (started) {
            threaded.forEach(AgentThreads.AgentThread::terminate);
            long until = System.currentTimeMillis() + EXIT_GRACE_MILLIS;
            threaded.forEach(w -> w.awaitEnd(Math.max(1, until - System.currentTimeMillis())));
            started.stream().filter(w -> !w.writesClassData()).forEach(LocalWorker::terminate);
            for (LocalWorker writer :
                    started.stream().filter(LocalWorker::writesClassData).toList()) {
                boolean exited = false;
                try {
                    exited = writer.process().waitFor(EXIT_GRACE_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                writer.terminate();
                if (!exited) {
                    classData.discard();
                }
            }
        }
    }

    private record LocalWorker(String id, Process process, Path log, boolean writesClassData) implements WorkerHandle {
        @Override
        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public void terminate() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        @Override
        public String describe() {
            return "local worker " + id + " (log: " + log + ")";
        }
    }
}
