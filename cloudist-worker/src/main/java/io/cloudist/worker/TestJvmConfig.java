package io.cloudist.worker;

import io.cloudist.core.jvm.TestJvmSpec;
import io.cloudist.core.protocol.ModuleManifest;
import io.cloudist.core.protocol.RunManifest;
import io.cloudist.core.ship.BundlePaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A run's test JVM settings on this worker: the manifest's, with the module directory and root tokens replaced by
 * this worker's module and the root of its tree.
 */
record TestJvmConfig(
        Path java,
        List<String> jvmArguments,
        Map<String, String> systemProperties,
        Map<String, String> environment,
        Path workingDirectory,
        List<Path> classpath,
        long timeoutMillis,
        boolean reuseForks,
        Path scratch,
        int rerunFailingTestsCount,
        Map<String, String> configurationParameters,
        boolean enableAssertions,
        List<String> excludedEnvironment,
        Map<String, String> secretProperties,
        Map<String, String> secretEnvironment) {

    static TestJvmConfig from(ModuleManifest manifest, Path moduleDir, List<Path> classpath, Path scratch) {
        return from(manifest, moduleDir, classpath, scratch, 1, Map.of(), Map.of());
    }

    /**
     * @param forkNumber this worker's number, for Surefire's {@code ${surefire.forkNumber}} in the argLine, system
     *     properties, environment and working directory
     */
    static TestJvmConfig from(
            ModuleManifest manifest, Path moduleDir, List<Path> classpath, Path scratch, int forkNumber) {
        return from(manifest, moduleDir, classpath, scratch, forkNumber, Map.of(), Map.of());
    }

    /**
     * @param secretProperties system properties withheld from the store, which a local worker passes on through a
     *     file only its user reads
     * @param secretEnvironment environment variables withheld from the store
     */
    static TestJvmConfig from(
            ModuleManifest manifest,
            Path moduleDir,
            List<Path> classpath,
            Path scratch,
            int forkNumber,
            Map<String, String> secretProperties,
            Map<String, String> secretEnvironment) {
        String module = moduleDir.toAbsolutePath().toString();
        Path rootDir = moduleDir.toAbsolutePath();
        for (int i = BundlePaths.relative(manifest.modulePath(), "the module path")
                        .getNameCount();
                i > 0 && !manifest.modulePath().isEmpty();
                i--) {
            rootDir = rootDir.getParent();
        }
        String root = rootDir.toString();
        UnaryOperator<String> local = v -> v.replace(RunManifest.MODULE_DIR, module)
                .replace(RunManifest.ROOT_DIR, root)
                .replace(TestJvmSpec.FORK_NUMBER, String.valueOf(forkNumber));
        Map<String, String> properties = new LinkedHashMap<>();
        manifest.systemProperties().forEach((k, v) -> properties.put(k, local.apply(v)));
        properties.putIfAbsent("basedir", module);
        Map<String, String> environment = new LinkedHashMap<>();
        manifest.environment().forEach((k, v) -> environment.put(k, local.apply(v)));
        Path workingDirectory = Path.of(local.apply(manifest.workingDirectory()));
        return new TestJvmConfig(
                java(manifest.javaExecutable()),
                manifest.jvmArguments().stream().map(local).toList(),
                properties,
                environment,
                workingDirectory,
                classpath,
                manifest.testTimeoutMillis(),
                manifest.reuseForks(),
                scratch,
                manifest.rerunFailingTestsCount(),
                manifest.configurationParameters(),
                manifest.enableAssertions(),
                manifest.excludedEnvironment(),
                secretProperties,
                secretEnvironment);
    }

    /**
     * A worker's fork number, as Surefire numbers its forks from 1: a local worker {@code w<n>} is {@code n + 1}; a
     * worker on an instance, {@code <instance>-<slot>}, is {@code slot + 1}.
     */
    static int forkNumber(String workerId) {
        String digits = workerId.replaceFirst("^.*?(\\d+)$", "$1");
        try {
            return Integer.parseInt(digits) + 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The manifest's java when this machine has it, else the java running this worker. */
    private static Path java(String fromManifest) {
        if (!fromManifest.isEmpty() && Files.isExecutable(Path.of(fromManifest))) {
            return Path.of(fromManifest);
        }
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
