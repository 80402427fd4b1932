package io.cloudist.core.jvm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a test JVM starts, in the coordinator's terms (paths on the coordinator's machine).
 *
 * @param javaExecutable the {@code java} to run (Surefire's {@code jvm}); on remote workers, their own java
 * @param argLine the JVM arguments, already late-replaced ({@code @{...}}); may be empty
 * @param systemProperties system properties set on the test JVM ({@code systemPropertyVariables})
 * @param environment extra environment variables ({@code environmentVariables})
 * @param workingDirectory the test JVM's working directory ({@code workingDirectory}, default the module dir)
 * @param classpath the test classpath in order: test classes, classes, dependencies, additional elements
 * @param configurationParameters JUnit Platform configuration parameters of every discovery and execution request
 *     (Surefire's {@code <properties><configurationParameters>})
 * @param enableAssertions turn assertions on for the test classes (Surefire's {@code enableAssertions})
 * @param excludedEnvironment variables removed from the test JVM's environment (Surefire's
 *     {@code excludedEnvironmentVariables})
 */
public record TestJvmSpec(
        Path javaExecutable,
        String argLine,
        Map<String, String> systemProperties,
        Map<String, String> environment,
        Path workingDirectory,
        List<Path> classpath,
        Map<String, String> configurationParameters,
        boolean enableAssertions,
        List<String> excludedEnvironment) {
    public TestJvmSpec {
        Objects.requireNonNull(javaExecutable, "javaExecutable");
        argLine = Objects.requireNonNullElse(argLine, "");
        systemProperties = Map.copyOf(systemProperties);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        classpath = List.copyOf(classpath);
        configurationParameters = Map.copyOf(configurationParameters);
        excludedEnvironment = List.copyOf(excludedEnvironment);
    }

    /** A test JVM with no configuration parameters and assertions on, as Surefire's defaults have it. */
    public TestJvmSpec(
            Path javaExecutable,
            String argLine,
            Map<String, String> systemProperties,
            Map<String, String> environment,
            Path workingDirectory,
            List<Path> classpath) {
        this(
                javaExecutable,
                argLine,
                systemProperties,
                environment,
                workingDirectory,
                classpath,
                Map.of(),
                true,
                List.of());
    }

    /** Sets the environment of a test JVM's process: the excluded variables removed, the configured ones set. */
    public static void environment(
            Map<String, String> processEnvironment, List<String> excluded, Map<String, String> variables) {
        excluded.forEach(processEnvironment::remove);
        processEnvironment.putAll(variables);
    }

    /** The runner's options before its mode: {@code --enable-assertions} when asked for. */
    public List<String> runnerOptions() {
        return enableAssertions ? List.of(RUNNER_ENABLE_ASSERTIONS) : List.of();
    }

    /** Surefire's placeholder for the fork's number, which each test JVM gets filled in with its worker's. */
    public static final String FORK_NUMBER = "${surefire.forkNumber}";

    /** The runner's option that turns assertions on (cloudist-runner's {@code RunnerMain}). */
    public static final String RUNNER_ENABLE_ASSERTIONS = "--enable-assertions";
}
