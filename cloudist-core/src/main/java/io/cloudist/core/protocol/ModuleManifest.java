package io.cloudist.core.protocol;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One module's entry in a run's manifest ({@link RunManifest}): what a worker needs to start the module's test JVMs.
 * Paths inside the module directory are written with {@link RunManifest#MODULE_DIR} in front, which each worker
 * replaces with its own module copy.
 *
 * @param module the module's {@code groupId:artifactId}, which assignments name
 * @param classpath the test classpath in order (jars and directory archives)
 * @param files extra-file archives unpacked into the module directory
 * @param javaExecutable the java for test JVMs when the worker runs next to the coordinator; remote workers use
 *     their own
 * @param jvmArguments argLine, split into arguments
 * @param systemProperties system properties for test JVMs
 * @param environment extra environment variables for test JVMs
 * @param workingDirectory the test JVM's working directory (usually {@link RunManifest#MODULE_DIR})
 * @param testTimeoutMillis how long a test JVM may run one task; 0 for no limit
 * @param reuseForks whether a worker keeps its test JVM across tasks
 * @param rerunFailingTestsCount how many times a worker runs a failed test again, right after the failure, in the
 *     same test JVM; 0 for never
 * @param configurationParameters JUnit Platform configuration parameters of every request; none when absent
 * @param enableAssertions whether test JVMs turn assertions on; absent means on, as in Surefire
 * @param modulePath the module directory relative to the bundle's root ({@code /}-separated, "" for the root); the
 *     {@code FILES} archives unpack into the root, {@code DIRECTORY} archives at their paths relative to it
 * @param excludedEnvironment variables removed from the test JVMs' environment
 */
public record ModuleManifest(
        String module,
        List<BlobRef> classpath,
        List<BlobRef> files,
        String javaExecutable,
        List<String> jvmArguments,
        Map<String, String> systemProperties,
        Map<String, String> environment,
        String workingDirectory,
        long testTimeoutMillis,
        boolean reuseForks,
        int rerunFailingTestsCount,
        Map<String, String> configurationParameters,
        Boolean enableAssertions,
        String modulePath,
        List<String> excludedEnvironment) {

    /** A module without configuration parameters, with assertions on, at the bundle's root. */
    public ModuleManifest(
            String module,
            List<BlobRef> classpath,
            List<BlobRef> files,
            String javaExecutable,
            List<String> jvmArguments,
            Map<String, String> systemProperties,
            Map<String, String> environment,
            String workingDirectory,
            long testTimeoutMillis,
            boolean reuseForks,
            int rerunFailingTestsCount) {
        this(
                module,
                classpath,
                files,
                javaExecutable,
                jvmArguments,
                systemProperties,
                environment,
                workingDirectory,
                testTimeoutMillis,
                reuseForks,
                rerunFailingTestsCount,
                Map.of(),
                true,
                "",
                List.of());
    }

    public ModuleManifest {
        module = Objects.requireNonNullElse(module, "");
        classpath = List.copyOf(classpath);
        files = List.copyOf(files);
        javaExecutable = Objects.requireNonNullElse(javaExecutable, "");
        jvmArguments = List.copyOf(jvmArguments);
        systemProperties = Map.copyOf(systemProperties);
        environment = Map.copyOf(environment);
        workingDirectory = Objects.requireNonNullElse(workingDirectory, RunManifest.MODULE_DIR);
        configurationParameters = configurationParameters == null ? Map.of() : Map.copyOf(configurationParameters);
        enableAssertions = enableAssertions == null || enableAssertions;
        modulePath = Objects.requireNonNullElse(modulePath, "");
        excludedEnvironment = excludedEnvironment == null ? List.of() : List.copyOf(excludedEnvironment);
        if (rerunFailingTestsCount < 0) {
            throw new IllegalArgumentException("rerunFailingTestsCount must be 0 or more: " + rerunFailingTestsCount);
        }
    }
}
