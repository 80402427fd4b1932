package io.cloudist.maven;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects the parameters that are set, by POM element; files become absolute paths. */
final class ConfiguredValues {
    private final Map<String, Object> values = new LinkedHashMap<>();

    ConfiguredValues put(String element, Object value) {
        if (value instanceof File file) {
            values.put(element, file.getAbsolutePath());
        } else if (value != null) {
            values.put(element, value);
        }
        return this;
    }

    Map<String, Object> values() {
        return values;
    }
}
