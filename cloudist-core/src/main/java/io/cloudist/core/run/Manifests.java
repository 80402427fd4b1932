package io.cloudist.core.run;

import io.cloudist.core.jvm.TestJvmSecrets;
import io.cloudist.core.protocol.ModuleManifest;
import io.cloudist.core.protocol.RunManifest;
import io.cloudist.core.ship.Shipment;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a run's manifest: paths inside the module directory become {@link RunManifest#MODULE_DIR}, other paths
 * inside the bundle's root {@link RunManifest#ROOT_DIR}, so that a worker can put its own copies in their place.
 */
final class Manifests {
    private Manifests() {}

    /** The manifest of a run of one module. */
    static RunManifest create(String runId, RunRequest request, Shipment shipment) {
        return RunManifest.of(runId, module("", request, shipment));
    }

    /** A module's entry in a run's manifest, named {@code name}. */
    static ModuleManifest module(String name, RunRequest request, Shipment shipment) {
        Path modulePath = request.module().directory().toAbsolutePath().normalize();
        String module = modulePath.toString();
        String root = rootOf(modulePath, shipment.modulePath());
        TestJvmSecrets secrets = request.secrets();
        Map<String, String> properties = new LinkedHashMap<>();
        secrets.systemProperties().forEach((k, v) -> properties.put(k, tokenize(v, module, root)));
        Map<String, String> environment = new LinkedHashMap<>();
        secrets.environment().forEach((k, v) -> environment.put(k, tokenize(v, module, root)));
        return new ModuleManifest(
                name,
                shipment.classpath(),
                shipment.files(),
                request.testJvm().javaExecutable().toString(),
                secrets.jvmArguments().stream()
                        .map(a -> tokenize(a, module, root))
                        .toList(),
                properties,
                environment,
                tokenize(
                        request.testJvm()
                                .workingDirectory()
                                .toAbsolutePath()
                                .normalize()
                                .toString(),
                        module,
                        root),
                request.forks().testTimeout().toMillis(),
                request.forks().reuseForks(),
                request.failurePolicy().rerunFailingTestsCount(),
                request.testJvm().configurationParameters(),
                request.testJvm().enableAssertions(),
                shipment.modulePath(),
                request.testJvm().excludedEnvironment());
    }

    /** The bundle's root: the module directory with its root-relative path taken off. */
    private static String rootOf(Path module, String modulePath) {
        Path root = module;
        for (int i = 0; i < (modulePath.isEmpty() ? 0 : modulePath.split("/").length); i++) {
            root = root.getParent();
        }
        return root.toString();
    }

    /** Replaces the module directory, then the root (as whole path prefixes), with their tokens. */
    static String tokenize(String value, String module, String root) {
        String tokenized = replacePrefix(value, module, RunManifest.MODULE_DIR);
        boolean filesystemRoot = Path.of(root).getNameCount() == 0;
        return root.equals(module) || filesystemRoot ? tokenized : replacePrefix(tokenized, root, RunManifest.ROOT_DIR);
    }

    /** Replaces the module directory (as a whole path prefix) with the token. */
    static String tokenize(String value, String module) {
        return replacePrefix(value, module, RunManifest.MODULE_DIR);
    }

    /** Replaces {@code module} wherever it is a whole path prefix, e.g. followed by a separator or the end. */
    private static String replacePrefix(String value, String module, String token) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int i = value.indexOf(module); i >= 0; i = value.indexOf(module, i + module.length())) {
            int end = i + module.length();
            boolean wholePrefix = end == value.length()
                    || value.charAt(end) == '/'
                    || value.charAt(end) == '\\'
                    || value.charAt(end) == ':'
                    || value.charAt(end) == ';'
                    || value.charAt(end) == '"';
            if (wholePrefix) {
                out.append(value, from, i).append(token);
                from = end;
            }
        }
        return out.append(value.substring(from)).toString();
    }
}
