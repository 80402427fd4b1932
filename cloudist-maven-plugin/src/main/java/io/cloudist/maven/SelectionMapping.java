package io.cloudist.maven;

import static io.cloudist.core.CloudistProperties.EXCLUDED_GROUPS;
import static io.cloudist.core.CloudistProperties.GROUPS;
import static io.cloudist.core.CloudistProperties.TEST;

import io.cloudist.core.select.PatternFiles;
import io.cloudist.core.select.TestSelection;
import io.cloudist.core.select.TestSpec;
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
        String testClasses = sources.string(
                "testClassesDirectory", null, layout.testOutputDirectory().toString());
        String test = sources.string("test", TEST, "").trim();
        TestSpec.parse(test);
        List<String> includes = test.isEmpty() ? patterns(sources, layout, "includes") : List.of();
        List<String> excludes = test.isEmpty() ? patterns(sources, layout, "excludes") : List.of();
        return new TestSelection(
                List.of(layout.resolve(testClasses)),
                includes,
                excludes,
                test,
                sources.string("groups", GROUPS, ""),
                sources.string("excludedGroups", EXCLUDED_GROUPS, ""));
    }

    private static List<String> patterns(ParameterSources sources, ProjectLayout layout, String element) {
        List<String> patterns = new ArrayList<>(sources.list(element));
        sources.string(element + "File", null)
                .filter(file -> !file.isBlank())
                .ifPresent(file -> patterns.addAll(PatternFiles.read(layout.resolve(file))));
        return patterns;
    }
}
