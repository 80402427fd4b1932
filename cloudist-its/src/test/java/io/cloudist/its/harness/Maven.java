package io.cloudist.its.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the real {@code mvn} of {@link ItEnvironment#mavenHome()} in a project directory, in batch mode, with the
 * integration tests' settings and local repository. Each build's output goes to {@code target/its/logs/}.
 */
public final class Maven {
    private static final Duration TIME_LIMIT = Duration.ofMinutes(5);
    private static final AtomicInteger BUILDS = new AtomicInteger();
    private static final AtomicBoolean LOGS_CLEARED = new AtomicBoolean();

    private final ItEnvironment environment;

    public Maven(ItEnvironment environment) {
        this.environment = environment;
    }

    /** Runs {@code mvn <arguments>} in {@code project} and waits for it. A build failure is a result, not an error. */
    public BuildResult run(Path project, String... arguments) {
        return run(project, Map.of(), arguments);
    }

    /** Runs {@code mvn <arguments>} with extra environment variables (e.g. AWS endpoints and credentials). */
    public BuildResult run(Path project, Map<String, String> environmentVariables, String... arguments) {
        return start(project, environmentVariables, arguments).await();
    }

    /** Starts {@code mvn <arguments>} and returns at once, for a test that does something to the build meanwhile. */
    public RunningBuild start(Path project, Map<String, String> environmentVariables, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                environment.mavenHome().resolve("bin/mvn").toString(),
                "-B",
                "-ntp",
                "-s",
                environment.settings().toString(),
                "-Dmaven.repo.local=" + environment.repository()));
        command.addAll(List.of(arguments));
        Path log = logFile(project);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("MAVEN_ARGS");
        builder.environment().putAll(environmentVariables);
        try {
            return new RunningBuild(project, List.of(arguments), builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        }
    }

    /** A build in progress. */
    public record RunningBuild(Path project, List<String> arguments, Process process, Path log) {
        /** Waits for the build to end. A build failure is a result, not an error. */
        public BuildResult await() {
            try {
                if (!process.waitFor(TIME_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                    Path threads = log.resolveSibling(log.getFileName() + ".threads");
                    dumpThreads(threads);
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor();
                    throw new AssertionError("mvn " + String.join(" ", arguments) + " in " + project
                            + " took longer than " + TIME_LIMIT + "; see " + log + " and the thread dumps in "
                            + threads);
                }
                return new BuildResult(
                        project, arguments, process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + log, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for mvn in " + project, e);
            }
        }

        /** Writes the threads of the build's JVM and of every JVM it started, to see where a hung build waits. */
        private void dumpThreads(Path file) throws InterruptedException {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            List<ProcessHandle> jvms = new ArrayList<>();
            jvms.add(process.toHandle());
            process.descendants().forEach(jvms::add);
            for (ProcessHandle jvm : jvms) {
                try {
                    Process dump = new ProcessBuilder(jcmd.toString(), String.valueOf(jvm.pid()), "Thread.print")
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(file.toFile()))
                            .start();
                    if (!dump.waitFor(30, TimeUnit.SECONDS)) {
                        dump.destroyForcibly();
                    }
                } catch (IOException e) {
                    // a process that is not a JVM, or already gone
                }
            }
        }
    }

    /** The next build's log file; the first build of this JVM clears the logs of earlier runs. */
    private Path logFile(Path project) {
        Path logs = environment.work().resolve("logs");
        try {
            if (LOGS_CLEARED.compareAndSet(false, true)) {
                Directories.deleteRecursively(logs);
            }
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return logs.resolve(String.format("%02d-%s.log", BUILDS.incrementAndGet(), project.getFileName()));
    }
}
