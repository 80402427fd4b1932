package io.cloudist.worker;

import io.cloudist.core.protocol.RunManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's test JVM settings on this worker: the manifest's, with the module directory token replaced by this
 * worker's module copy.
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
        boolean enableAssertions) {

    static TestJvmConfig from(RunManifest manifest, Path moduleDir, List<Path> classpath, Path scratch) {
        String module = moduleDir.toAbsolutePath().toString();
        Map<String, String> properties = new LinkedHashMap<>();
        manifest.systemProperties().forEach((k, v) -> properties.put(k, v.replace(RunManifest.MODULE_DIR, module)));
        properties.putIfAbsent("basedir", module);
        Map<String, String> environment = new LinkedHashMap<>();
        manifest.environment().forEach((k, v) -> environment.put(k, v.replace(RunManifest.MODULE_DIR, module)));
        Path workingDirectory = Path.of(manifest.workingDirectory().replace(RunManifest.MODULE_DIR, module));
        return new TestJvmConfig(
                java(manifest.javaExecutable()),
                manifest.jvmArguments().stream().map(a -> a.replace(RunManifest.MODULE_DIR, module)).toList(),
                properties,
                environment,
                workingDirectory,
                classpath,
                manifest.testTimeoutMillis(),
                manifest.reuseForks(),
                scratch,
                manifest.rerunFailingTestsCount(),
                manifest.configurationParameters(),
                manifest.enableAssertions());
    }

    /** The manifest's java when this machine has it, else the java running this worker. */
    private static Path java(String fromManifest) {
        if (!fromManifest.isEmpty() && Files.isExecutable(Path.of(fromManifest))) {
            return Path.of(fromManifest);
        }
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
