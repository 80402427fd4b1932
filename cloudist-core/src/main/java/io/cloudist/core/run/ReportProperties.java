package io.cloudist.core.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code <properties>} of the XML reports: an allow-list of harmless JVM facts, never the environment of a
 * worker or anything that could hold a secret.
 */
final class ReportProperties {
    private static final List<String> ALLOWED = List.of(
            "java.version",
            "java.vendor",
            "java.vm.name",
            "java.specification.version",
            "os.name",
            "os.arch",
            "os.version",
            "file.encoding",
            "user.timezone");

    private ReportProperties() {}

    static Map<String, String> of(RunRequest request) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String key : ALLOWED) {
            String value = System.getProperty(key);
            if (value != null) {
                properties.put(key, value);
            }
        }
        properties.put("basedir", request.module().directory().toString());
        return properties;
    }
}
