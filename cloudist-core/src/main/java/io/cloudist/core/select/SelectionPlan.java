package io.cloudist.core.select;

import io.cloudist.core.CloudistProperties;
import java.util.List;
import java.util.Objects;

/**
 * A {@link TestSelection} with Surefire's rules applied: the classes to discover, the tag expressions to filter by
 * and the filter for discovered methods.
 *
 * @param classNames binary names of the classes to discover, sorted
 * @param includeTags JUnit Platform tag expression to include; empty for all
 * @param excludeTags JUnit Platform tag expression to exclude; empty for none
 * @param methodFilter filter for discovered methods; {@link MethodFilter#ALL} when no pattern names methods
 * @param includeEngines the only engines that discover tests; empty for all
 * @param excludeEngines engines that discover no tests
 */
public record SelectionPlan(
        List<String> classNames,
        String includeTags,
        String excludeTags,
        MethodFilter methodFilter,
        List<String> includeEngines,
        List<String> excludeEngines) {
    public SelectionPlan {
        includeEngines = List.copyOf(includeEngines);
        excludeEngines = List.copyOf(excludeEngines);
        classNames = List.copyOf(classNames);
        includeTags = Objects.requireNonNullElse(includeTags, "");
        excludeTags = Objects.requireNonNullElse(excludeTags, "");
        methodFilter = Objects.requireNonNullElse(methodFilter, MethodFilter.ALL);
    }

    /**
     * Scans the test classes directories and resolves the tag and method filters.
     *
     * <p>The method filter follows Surefire: the {@code test} patterns when {@code test} is set, otherwise the
     * {@code includes}/{@code excludes} as given (without the defaults), and only when one of them names methods.
     *
     * @throws io.cloudist.core.ConfigurationException when a pattern or tag expression is malformed
     */
    public static SelectionPlan resolve(TestSelection selection) {
        String includeTags = TagExpressions.join(selection.groups(), CloudistProperties.GROUPS);
        String excludeTags = TagExpressions.join(selection.excludedGroups(), CloudistProperties.EXCLUDED_GROUPS);
        TestSpec methodSpec = selection.test().isEmpty()
                ? TestSpec.of(selection.includes(), selection.excludes())
                : TestSpec.parse(selection.test());
        MethodFilter methodFilter = methodSpec.hasMethodPatterns() ? methodSpec::matchesMethod : MethodFilter.ALL;
        return new SelectionPlan(
                TestClassScanner.scan(selection),
                includeTags,
                excludeTags,
                methodFilter,
                selection.includeEngines(),
                selection.excludeEngines());
    }
}
