package io.cloudist.core.select;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Which tests run, in Surefire's terms, before any rule is applied.
 *
 * @param testClassesDirectories directories scanned for test classes (Surefire's {@code testClassesDirectory}), and
 *     jars of dependencies scanned too ({@code dependenciesToScan})
 * @param includes include patterns ({@code includes} plus {@code includesFile} lines); empty means Surefire's defaults
 * @param excludes exclude patterns ({@code excludes} plus {@code excludesFile} lines); empty means Surefire's default
 * @param test Surefire's {@code test} parameter ({@code -Dtest}); empty when unset. When set it replaces includes
 *     and excludes, as in Surefire
 * @param groups JUnit Platform tag expression of tags to include ({@code groups}); empty for all
 * @param excludedGroups JUnit Platform tag expression of tags to exclude ({@code excludedGroups}); empty for none
 * @param includeEngines the ids of the only engines that discover tests ({@code includeJUnit5Engines}); empty for all
 * @param excludeEngines the ids of engines that discover no tests ({@code excludeJUnit5Engines})
 */
public record TestSelection(
        List<Path> testClassesDirectories,
        List<String> includes,
        List<String> excludes,
        String test,
        String groups,
        String excludedGroups,
        List<String> includeEngines,
        List<String> excludeEngines) {
    public TestSelection {
        testClassesDirectories = List.copyOf(testClassesDirectories);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        test = Objects.requireNonNullElse(test, "").trim();
        groups = Objects.requireNonNullElse(groups, "").trim();
        excludedGroups = Objects.requireNonNullElse(excludedGroups, "").trim();
        includeEngines = List.copyOf(includeEngines);
        excludeEngines = List.copyOf(excludeEngines);
    }

    /** A selection that keeps every engine. */
    public TestSelection(
            List<Path> testClassesDirectories,
            List<String> includes,
            List<String> excludes,
            String test,
            String groups,
            String excludedGroups) {
        this(testClassesDirectories, includes, excludes, test, groups, excludedGroups, List.of(), List.of());
    }
}
