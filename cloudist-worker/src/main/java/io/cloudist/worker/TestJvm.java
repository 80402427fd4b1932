package io.cloudist.worker;

import io.cloudist.core.CloudistException;
import io.cloudist.core.jvm.JavaCommand;
import io.cloudist.core.jvm.TestJvmSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A test JVM running the cloudist runner in serve mode: it takes one request per line on its standard input. */
final class TestJvm implements AutoCloseable {
    private final Process process;
    private final OutputStream commands;
    private final Path log;
    private final Path secretProperties;
    private final Path ready;
    private final boolean mapsClassData;
    private boolean sent;

    private TestJvm(Process process, Path log, Path secretProperties, Path ready, boolean mapsClassData) {
        this.process = process;
        this.commands = process.getOutputStream();
        this.log = log;
        this.secretProperties = secretProperties;
        this.ready = ready;
        this.mapsClassData = mapsClassData;
    }

    /** @param launch the class data options that come before the argLine, and the classpath in its order */
    static TestJvm start(TestJvmConfig config, int number, TestJvmClassData.Launch launch) {
        Path log = config.scratch().resolve("jvm-" + number + ".log");
        Path argFile = config.scratch().resolve("jvm-" + number + ".args");
        Path ready = config.scratch().resolve("jvm-" + number + ".ready");
        try {
            Files.createDirectories(config.scratch());
            Files.deleteIfExists(ready); // an earlier runner of the module numbered its JVMs from 1 too
            Files.createDirectories(config.workingDirectory());
            List<String> jvmArguments = new ArrayList<>(launch.options());
            jvmArguments.addAll(config.jvmArguments());
            List<String> command = JavaCommand.build(
                    config.java(),
                    jvmArguments,
                    config.systemProperties(),
                    config.secretProperties(),
                    launch.classpath(),
                    JavaCommand.RUNNER_MAIN,
                    runnerArguments(config, ready),
                    argFile);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(config.workingDirectory().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            TestJvmSpec.environment(builder.environment(), config.excludedEnvironment(), config.environment());
            builder.environment().putAll(config.secretEnvironment());
            return new TestJvm(
                    builder.start(), log, JavaCommand.secretPropertiesFile(argFile), ready, launch.mapsArchive());
        } catch (IOException e) {
            throw new CloudistException("Cannot start a test JVM with " + config.java() + ": " + e.getMessage(), e);
        }
    }

    private static List<String> runnerArguments(TestJvmConfig config, Path ready) {
        List<String> arguments = new ArrayList<>();
        if (config.enableAssertions()) {
            arguments.add(TestJvmSpec.RUNNER_ENABLE_ASSERTIONS);
        }
        arguments.addAll(List.of("serve", "--exit-with-input", "--ready-file", ready.toString()));
        return arguments;
    }

    /** Asks the runner to run {@code request} and write its events to {@code events}; false if the JVM is gone. */
    boolean send(Path request, Path events) {
        sent = true;
        try {
            commands.write((request + "\t" + events + "\n").getBytes(StandardCharsets.UTF_8));
            commands.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Asks the runner to discover {@code request} now, while it waits, so that the request runs without a discovery
     * of its own when it is sent with the same content; false if the JVM is gone. It is not a request sent: a JVM
     * that dies after it has still run nothing.
     */
    boolean prepare(Path request) {
        try {
            commands.write(("prepare\t" + request + "\n").getBytes(StandardCharsets.UTF_8));
            commands.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** True once the runner is ready for its first request (started and warmed up). */
    boolean isReady() {
        return Files.exists(ready);
    }

    /** Whether this JVM was started mapping a class data archive. */
    boolean mapsClassData() {
        return mapsClassData;
    }

    /** Whether a request was sent to it: a JVM that died before has run nothing. */
    boolean sentAnything() {
        return sent;
    }

    /** The exit code, waiting briefly for a dying JVM; -1 if it is still running. */
    int exitCode() {
        try {
            process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return process.isAlive() ? -1 : process.exitValue();
    }

    Path log() {
        return log;
    }

    /** Kills the JVM and anything it started. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        exitCode();
        deleteSecretProperties();
    }

    /** The runner deletes its secret properties as it starts; a JVM that never got that far leaves them. */
    private void deleteSecretProperties() {
        try {
            Files.deleteIfExists(secretProperties);
        } catch (IOException e) {
            // readable by its owner only
        }
    }

    @Override
    public void close() {
        try {
            commands.close();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
            deleteSecretProperties();
        } catch (IOException e) {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }
}
