package io.cloudist.maven;

import io.cloudist.core.ConfigurationException;
import io.cloudist.core.report.SurefireProvider;
import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The JUnit Platform configuration parameters of the test JVMs: Surefire's
 * {@code <properties><configurationParameters>}, a {@code java.util.Properties} text. For a project that Surefire
 * would run with its JUnit 4 or 3 provider, which does not go through the JUnit Platform, stack traces are not
 * pruned, as that provider leaves them whole.
 */
final class ConfigurationParameters {
    static final String ELEMENT = "configurationParameters";
    static final String PRUNING = "junit.platform.stacktrace.pruning.enabled";

    private ConfigurationParameters() {}

    static Map<String, String> of(ParameterSources sources, SurefireProvider provider) {
        Map<String, String> parameters =
                new LinkedHashMap<>(parse(sources.map("properties").getOrDefault(ELEMENT, "")));
        if (provider.namesByDescription()) {
            parameters.putIfAbsent(PRUNING, "false");
        }
        return parameters;
    }

    /** Reads {@code key=value} lines as {@link Properties#load} does (comments, continuations, escapes). */
    static Map<String, String> parse(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException(
                    "properties",
                    text.strip(),
                    "write <configurationParameters> as" + " key=value lines, as a .properties file (" + e.getMessage()
                            + ")");
        }
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }
}
