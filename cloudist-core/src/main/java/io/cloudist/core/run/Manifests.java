package io.cloudist.core.run;

import io.cloudist.core.RunRequest;
import io.cloudist.core.jvm.ArgLine;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.RunManifest;
import io.cloudist.core.ship.Shipment;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a run's manifest: paths inside the module directory become {@link RunManifest#MODULE_DIR}. */
final class Manifests {
    private Manifests() {}

    static RunManifest create(String runId, RunRequest request, Shipment shipment) {
        String module = request.moduleDirectory().toAbsolutePath().normalize().toString();
        Map<String, String> properties = new LinkedHashMap<>();
        request.testJvm().systemProperties().forEach((k, v) -> properties.put(k, tokenize(v, module)));
        Map<String, String> environment = new LinkedHashMap<>();
        request.testJvm().environment().forEach((k, v) -> environment.put(k, tokenize(v, module)));
        return new RunManifest(
                Documents.SCHEMA,
                runId,
                shipment.classpath(),
                shipment.files(),
                request.testJvm().javaExecutable().toString(),
                ArgLine.split(request.testJvm().argLine()).stream().map(a -> tokenize(a, module)).toList(),
                properties,
                environment,
                tokenize(request.testJvm().workingDirectory().toAbsolutePath().normalize().toString(), module),
                request.testTimeout().toMillis(),
                request.reuseForks(),
                request.rerunFailingTestsCount(),
                request.testJvm().configurationParameters(),
                request.testJvm().enableAssertions());
    }

    /** Replaces the module directory (as a whole path prefix) with the token. */
    static String tokenize(String value, String module) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int i = value.indexOf(module); i >= 0; i = value.indexOf(module, i + module.length())) {
            int end = i + module.length();
            boolean wholePrefix = end == value.length() || value.charAt(end) == '/' || value.charAt(end) == '\\'
                    || value.charAt(end) == ':' || value.charAt(end) == ';' || value.charAt(end) == '"';
            if (wholePrefix) {
                out.append(value, from, i).append(RunManifest.MODULE_DIR);
                from = end;
            }
        }
        return out.append(value.substring(from)).toString();
    }
}
