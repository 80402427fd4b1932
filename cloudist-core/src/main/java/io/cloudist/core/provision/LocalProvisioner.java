package io.cloudist.core.provision;

import io.cloudist.core.CloudistException;
import io.cloudist.core.jvm.ClassDataArchive;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts local workers, each with its own directory and log ({@code <id>.log}), sharing one blob cache (where their
 * test JVMs keep their class data archives): on threads of this JVM ({@link LocalWorkers#THREAD}, {@link
 * AgentThreads}), or as processes, {@code java -cp <worker classpath> io.cloudist.worker.WorkerMain ...}. Both get the
 * same arguments. Given an {@link InPlace}, its workers run the tests in the module directory on the classpath's own
 * files, as Surefire does.
 *
 * <p>Agent processes load the same thousand-odd classes (Jackson, cloudist) from the same jars, and with many local
 * workers on few cores their start-up is what the test JVMs wait for: the first agent started without an archive
 * writes one as it exits, and later agents map it, which halves an agent's start-up CPU. An archive is kept until the
 * JDK or cloudist changes; the writing of a new one deletes the others.
 */
public final class LocalProvisioner implements Provisioner {
    /** The worker agent's main class (cloudist-worker). */
    public static final String WORKER_MAIN = "io.cloudist.worker.WorkerMain";

    private static final long EXIT_GRACE_MILLIS = 3_000;
    /** How long the normal end of a run waits for a test JVM class data archive being written. */
    private static final Duration TEST_CLASS_DATA_GRACE = Duration.ofSeconds(30);

    private final Path java;
    private final List<Path> workerClasspath;
    private final Path workersDirectory;
    private final ClassDataArchive classData;
    private final AgentThreads threads;
    private ClassDataArchive.Writing classDataWriting;
    private boolean classDataClaimed;
    private final Path inPlaceFile;
    private final List<LocalWorker> started = new ArrayList<>();
    private final List<AgentThreads.AgentThread> threaded = new ArrayList<>();
    private volatile boolean closed;
    private volatile boolean endedNormally;
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
        this.classData = mode == LocalWorkers.PROCESS
                ? new ClassDataArchive(workersDirectory, "agent-", java, workerClasspath, List.of(), Duration.ZERO)
                : null;
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
        List<String> classDataOptions = nextClassDataOptions();
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
        LocalWorker worker = new LocalWorker(
                id, process, log, classDataOptions.stream().anyMatch(o -> o.startsWith(ClassDataArchive.WRITE)));
        synchronized (started) {
            started.add(worker);
        }
        return worker;
    }

    /**
     * The class data options of the next agent: map the archive when it is there; otherwise the first agent started
     * writes it as it exits, and the others run without one.
     */
    private List<String> nextClassDataOptions() {
        if (classData.usable()) {
            return classData.mapOptions();
        }
        if (!classDataClaimed) {
            classDataClaimed = true;
            Optional<ClassDataArchive.Writing> writing = classData.claim();
            if (writing.isPresent()) {
                classDataWriting = writing.get();
                return classDataWriting.writeOptions();
            }
        }
        return List.of();
    }

    /** The run ended normally: its end may wait for a test JVM class data archive being written. */
    @Override
    public void keepWarm() {
        endedNormally = true;
    }

    /**
     * Terminates the workers (and their test JVMs) at once: by now they have been told to stop, or the run is being
     * aborted, and nothing they still do matters. Workers on threads are waited for a moment, so that none writes to
     * the store once the run is over. At the normal end of a run, a test JVM class data archive being written (once
     * per change of a classpath's jars, by a JVM of its own) gets up to half a minute first, and the agent process
     * that writes the agents' archive gets a moment to exit by itself, since the archive is written on exit; what a
     * writer that has to be terminated leaves is deleted.
     */
    @Override
    public void close() {
        closed = true;
        if (endedNormally) {
            ClassDataArchive.awaitWriters(
                    workersDirectory.resolve("cache").resolve(ClassDataArchive.CACHE_DIRECTORY), TEST_CLASS_DATA_GRACE);
        }
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
                if (exited && writer.process().exitValue() == 0) {
                    classDataWriting.commit();
                }
            }
            if (classDataWriting != null) {
                classDataWriting.close();
                classDataWriting = null;
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
