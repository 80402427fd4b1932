package io.cloudist.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
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
 *
 * <p>The {@code uniqueId} lines of a Jupiter or Vintage test class select the class once, with a filter that keeps
 * the tests listed, rather than one selector a test: the engines resolve each unique-id selector on its own, and
 * Vintage's cost grows with the square of a class's tests (a JUnit 4 parameterized class of 54,000 tests took eight
 * minutes to discover by unique ids, under a second as one class). The tests that run are the same: those listed,
 * and of the class's tests no others.
 */
final class RequestFile {
    /** The engines whose unique ids name a test class in their second segment, which selects the class. */
    private static final Set<String> CLASS_ENGINES = Collections.unmodifiableSet(
            new HashSet<>(Arrays.asList("[engine:junit-jupiter]", "[engine:junit-vintage]")));

    /** What separates two segments of a unique id. */
    private static final String SEPARATOR = "]/[";

    private RequestFile() {}

    static LauncherDiscoveryRequest read(Path file) throws IOException {
        List<DiscoverySelector> selectors = new ArrayList<>();
        Map<String, DiscoverySelector> classes = new LinkedHashMap<>();
        Set<String> listed = new HashSet<>();
        Set<String> wholeClasses = new HashSet<>();
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
                String classId = testClass(value);
                if (classId == null) {
                    selectors.add(DiscoverySelectors.selectUniqueId(value));
                    wholeClasses.add(value); // a class listed whole keeps all its tests, whatever else is listed
                } else {
                    classes.computeIfAbsent(classId, DiscoverySelectors::selectUniqueId);
                    listed.add(value);
                }
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
        if (!classes.isEmpty()) {
            selectors.addAll(classes.values());
            PostDiscoveryFilter onlyListed = test -> {
                String id = test.getUniqueId().toString();
                String classId = testClass(id);
                return FilterResult.includedIf(
                        listed.contains(id) || !classes.containsKey(classId) || wholeClasses.contains(classId));
            };
            filters.add(onlyListed);
        }
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

    /**
     * The test class of a Jupiter or Vintage test's unique id ({@code [engine:junit-jupiter]/[class:a.B]} of
     * {@code [engine:junit-jupiter]/[class:a.B]/[method:c()]}); null for another engine's test, or an id of a class
     * or less, which is selected as it is. The id is cut as a string: the launcher's format encodes the separators
     * {@code ]/[} where a segment's value holds them, and a request lists thousands of ids.
     */
    private static String testClass(String uniqueId) {
        int engineEnd = uniqueId.indexOf(SEPARATOR);
        int classEnd = engineEnd < 0 ? -1 : uniqueId.indexOf(SEPARATOR, engineEnd + 1);
        if (classEnd < 0 || !CLASS_ENGINES.contains(uniqueId.substring(0, engineEnd + 1))) {
            return null;
        }
        return uniqueId.substring(0, classEnd + 1);
    }

    private static IllegalArgumentException invalid(Path file, int index, String problem) {
        return new IllegalArgumentException(file + " line " + (index + 1) + ": " + problem);
    }
}
