package io.cloudist.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * Reads a request file into a discovery request. The file holds UTF-8 lines {@code <keyword> <value>}:
 * {@code class <name>}, {@code uniqueId <id>}, {@code includeTags <expression>}, {@code excludeTags <expression>},
 * {@code includeEngine <id>} and {@code excludeEngine <id>} (Surefire's {@code includeJUnit5Engines} and
 * {@code excludeJUnit5Engines}), and
 * {@code config <key>=<value>} (a JUnit Platform configuration parameter, as Surefire's
 * {@code configurationParameters} sets them); blank lines are ignored. Several {@code includeTags} lines select tests
 * matching any of them; several {@code excludeTags} lines drop tests matching any of them.
 */
final class RequestFile {
    private RequestFile() {}

    static LauncherDiscoveryRequest read(Path file) throws IOException {
        List<DiscoverySelector> selectors = new ArrayList<>();
        List<String> includeTags = new ArrayList<>();
        List<String> excludeTags = new ArrayList<>();
        Map<String, String> configuration = new LinkedHashMap<>();
        List<String> includeEngines = new ArrayList<>();
        List<String> excludeEngines = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.trim().isEmpty()) {
                continue;
            }
            int space = line.indexOf(' ');
            String keyword = space < 0 ? line : line.substring(0, space);
            String value = space < 0 ? "" : line.substring(space + 1);
            if (value.isEmpty()) {
                throw invalid(file, i, "'" + keyword + "' needs a value");
            } else if (keyword.equals("class")) {
                selectors.add(DiscoverySelectors.selectClass(value));
            } else if (keyword.equals("uniqueId")) {
                selectors.add(DiscoverySelectors.selectUniqueId(value));
            } else if (keyword.equals("includeTags")) {
                includeTags.add(value);
            } else if (keyword.equals("excludeTags")) {
                excludeTags.add(value);
            } else if (keyword.equals("includeEngine")) {
                includeEngines.add(value);
            } else if (keyword.equals("excludeEngine")) {
                excludeEngines.add(value);
            } else if (keyword.equals("config") && value.indexOf('=') > 0) {
                configuration.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
            } else {
                throw invalid(file, i, "unknown keyword '" + keyword + "'");
            }
        }
        List<Filter<?>> filters = new ArrayList<>();
        if (!includeTags.isEmpty()) {
            filters.add(TagFilter.includeTags(includeTags));
        }
        if (!excludeTags.isEmpty()) {
            filters.add(TagFilter.excludeTags(excludeTags));
        }
        if (!includeEngines.isEmpty()) {
            filters.add(EngineFilter.includeEngines(includeEngines));
        }
        if (!excludeEngines.isEmpty()) {
            filters.add(EngineFilter.excludeEngines(excludeEngines));
        }
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(filters.toArray(new Filter<?>[0]))
                .configurationParameters(configuration)
                .build();
    }

    private static IllegalArgumentException invalid(Path file, int index, String problem) {
        return new IllegalArgumentException(file + " line " + (index + 1) + ": " + problem);
    }
}
