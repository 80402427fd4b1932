package io.cloudist.worker;

import io.cloudist.core.concurrent.DaemonThreads;
import io.cloudist.core.jvm.ClassDataArchive;
import io.cloudist.core.jvm.JavaCommand;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Class data sharing for the test JVMs of one worker agent: the archives live in the blob cache, shared by the
 * machine's workers, and each is written by a JVM of its own in the background ({@link TestJvmClassData} decides, per
 * module, when a test JVM maps one and when one is written).
 *
 * <p>A writer is the runner on the module's jars alone, with its standard input closed: it warms up (the launcher,
 * the engines, an empty request through them, as every test JVM does before its first task) and exits, and the JVM
 * writes what it loaded. Being alone with the jars, it runs none of the project's tests and writes nothing of them;
 * its working directory is the archives' own.
 */
final class TestClassData implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TestClassData.class);
    /** How long a writer may take: it only starts, warms up and exits. */
    private static final long WRITER_MINUTES = 5;
    /** Variables the java launcher reads options from; the writer runs without them. */
    static final List<String> OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    private final Path directory;
    private final ExecutorService writers;
    private final List<Future<?>> started = new ArrayList<>();

    /** @param directory where the archives are kept; null for none: every test JVM starts without one */
    TestClassData(Path directory) {
        this.directory = directory;
        this.writers = Executors.newCachedThreadPool(DaemonThreads.named("cloudist-class-data"));
    }

    /** Class data sharing off, as in tests of other things. */
    static TestClassData none() {
        return new TestClassData(null);
    }

    /** How a module's test JVMs share class data on this worker. */
    TestJvmClassData forModule(String module, TestJvmConfig config) {
        return directory == null
                ? TestJvmClassData.off(config, "")
                : TestJvmClassData.decide(module, config, directory, System.getenv(), this);
    }

    /** Runs a writer for {@code archive} in the background; the writing is closed when it is done. */
    synchronized void write(String module, ClassDataArchive archive, ClassDataArchive.Writing writing) {
        try {
            started.add(writers.submit(() -> runWriter(module, archive, writing)));
        } catch (RuntimeException e) {
            writing.close();
        }
    }

    private void runWriter(String module, ClassDataArchive archive, ClassDataArchive.Writing writing) {
        long start = System.currentTimeMillis();
        Process writer = null;
        try (writing) {
            List<String> command = new ArrayList<>();
            command.add(archive.java().toString());
            command.addAll(archive.options());
            command.add("-XX:TieredStopAtLevel=1");
            command.addAll(writing.writeOptions());
            command.addAll(List.of(
                    "-cp",
                    String.join(
                            File.pathSeparator,
                            archive.jars().stream().map(Path::toString).toList()),
                    JavaCommand.RUNNER_MAIN,
                    "serve"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            OPTION_VARIABLES.forEach(builder.environment()::remove);
            writer = builder.start();
            writer.getOutputStream().close();
            if (!writer.waitFor(WRITER_MINUTES, TimeUnit.MINUTES)) {
                writer.destroyForcibly();
                LOG.info("The class data archive writer of {} took over {} minutes; killed it", module, WRITER_MINUTES);
                return;
            }
            int exit = writer.exitValue();
            if (exit != 0) {
                if (exit < 128) {
                    writing.fail();
                }
                LOG.info("The class data archive writer of {} exited with code {}: no archive", module, exit);
            } else if (writing.commit()) {
                LOG.info(
                        "Wrote the class data archive {} of {} in {} ms",
                        archive.archive().getFileName(),
                        module,
                        System.currentTimeMillis() - start);
            }
        } catch (IOException e) {
            LOG.info("Cannot start the class data archive writer of {}: {}", module, e.toString());
        } catch (InterruptedException e) {
            writer.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Waits up to {@code patience} for the writers started so far; returns false if one is still at work. */
    boolean awaitWriters(Duration patience) {
        List<Future<?>> pending;
        synchronized (this) {
            pending = List.copyOf(started);
        }
        long deadline = System.nanoTime() + patience.toNanos();
        for (Future<?> writer : pending) {
            try {
                writer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException | CancellationException e) {
                // its failure was logged; nothing to wait for
            }
        }
        return true;
    }

    @Override
    public void close() {
        writers.shutdownNow();
    }
}
