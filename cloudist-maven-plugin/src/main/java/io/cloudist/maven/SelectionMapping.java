package io.cloudist.maven;

import static io.cloudist.core.CloudistParameters.EXCLUDED_GROUPS;
import static io.cloudist.core.CloudistParameters.GROUPS;
import static io.cloudist.core.CloudistParameters.TEST;

import io.cloudist.core.select.PatternFiles;
import io.cloudist.core.select.TestSelection;
import io.cloudist.core.select.TestSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Maps Surefire's selection parameters to a {@link TestSelection}. */
final class SelectionMapping {
    private SelectionMapping() {}

    /**
     * The selection: {@code testClassesDirectory}, {@code includes} plus the lines of {@code includesFile}, the same
     * for excludes, {@code test}, {@code groups} and {@code excludedGroups}. As in Surefire, the pattern files are
     * not read when {@code test} is set.
     *
     * @throws io.cloudist.core.ConfigurationException when {@code test} is malformed
     */
    static TestSelection selection(ParameterSources sources, ProjectLayout layout) {
        return selection(sources, layout, List.of());
    }

    /**
     * The selection, with the jars of {@code dependenciesToScan} among the artifacts scanned for test classes too.
     *
     * @param artifacts the project's resolved dependencies
     */
    static TestSelection selection(ParameterSources sources, ProjectLayout layout, List<ArtifactFile> artifacts) {
        String testClasses = sources.string("testClassesDirectory", null)
                .orElse(layout.testOutputDirectory().toString());
        String test = sources.string(TEST).trim();
        TestSpec.parse(test);
        List<String> includes = test.isEmpty() ? patterns(sources, layout, "includes") : List.of();
        List<String> excludes = test.isEmpty() ? patterns(sources, layout, "excludes") : List.of();
        List<Path> scanned = new ArrayList<>(List.of(layout.resolve(testClasses)));
        scanned.addAll(dependenciesToScan(sources, artifacts));
        return new TestSelection(
                scanned,
                includes,
                excludes,
                test,
                sources.string(GROUPS),
                sources.string(EXCLUDED_GROUPS),
                surefireList(sources, "includeJUnit5Engines", "surefire.includeJUnit5Engines"),
                surefireList(sources, "excludeJUnit5Engines", "surefire.excludeJUnit5Engines"));
    }

    /**
     * The files of the dependencies {@code dependenciesToScan} names: {@code groupId:artifactId} patterns, where
     * {@code *} matches any part or any run of characters in one, and further parts (type, classifier) are ignored.
     */
    private static List<Path> dependenciesToScan(ParameterSources sources, List<ArtifactFile> artifacts) {
        List<String> patterns = surefireList(sources, "dependenciesToScan", "dependenciesToScan");
        return artifacts.stream()
                .filter(a -> patterns.stream().anyMatch(p -> matches(p, a)))
                .map(ArtifactFile::file)
                .toList();
    }

    private static boolean matches(String pattern, ArtifactFile artifact) {
        String[] parts = pattern.trim().split(":");
        return parts.length >= 2 && glob(parts[0], artifact.groupId()) && glob(parts[1], artifact.artifactId());
    }

    private static boolean glob(String pattern, String value) {
        return value.matches(java.util.regex.Pattern.quote(pattern).replace("*", "\\E.*\\Q"));
    }

    /** A list parameter of Surefire's: its element's items, else its user property split at commas. */
    private static List<String> surefireList(ParameterSources sources, String element, String property) {
        List<String> configured = sources.list(element);
        if (!configured.isEmpty()) {
            return configured;
        }
        return sources.surefireValue(element, property)
                .map(CloudMapping::commaSeparated)
                .orElse(List.of());
    }

    private static List<String> patterns(ParameterSources sources, ProjectLayout layout, String element) {
        List<String> patterns = new ArrayList<>(surefireList(sources, element, "surefire." + element));
        sources.string(element + "File", null)
                .filter(file -> !file.isBlank())
                .ifPresent(file -> patterns.addAll(PatternFiles.read(layout.resolve(file))));
        return patterns;
    }
}
