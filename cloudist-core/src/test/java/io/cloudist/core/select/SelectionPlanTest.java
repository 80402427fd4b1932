package io.cloudist.core.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.core.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelectionPlanTest {
    @TempDir
    Path classes;

    @Test
    void resolvesClassesTagsAndAcceptsEveryMethodWithoutMethodPatterns() throws IOException {
        Files.createFile(classes.resolve("ATest.class"));
        Files.createFile(classes.resolve("Helper.class"));

        SelectionPlan plan = SelectionPlan.resolve(selection(List.of(), "", "fast", "slow"));

        assertThat(plan.classNames()).containsExactly("ATest");
        assertThat(plan.includeTags()).isEqualTo("fast");
        assertThat(plan.excludeTags()).isEqualTo("slow");
        assertThat(plan.methodFilter()).isSameAs(MethodFilter.ALL);
    }

    @Test
    void severalGroupsBecomeOneAlternativeExpression() {
        SelectionPlan plan = SelectionPlan.resolve(selection(List.of(), "", "fast, db & !slow", "a,b"));

        assertThat(plan.includeTags()).isEqualTo("(fast)|(db & !slow)");
        assertThat(plan.excludeTags()).isEqualTo("(a)|(b)");
    }

    @Test
    void unbalancedGroupsAreAConfigurationErrorNamingTheProperty() {
        assertThatThrownBy(() -> SelectionPlan.resolve(selection(List.of(), "", "(fast", "")))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo("groups"));
        assertThatThrownBy(() -> SelectionPlan.resolve(selection(List.of(), "", "", "a)|(b")))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo("excludedGroups"));
    }

    @Test
    void methodPatternsInTestFilterDiscoveredMethods() {
        SelectionPlan plan = SelectionPlan.resolve(selection(List.of(), "ATest#fast*", "", ""));

        assertThat(plan.methodFilter().accepts("pkg.ATest", "fastOne")).isTrue();
        assertThat(plan.methodFilter().accepts("pkg.ATest", "slowOne")).isFalse();
        assertThat(plan.methodFilter().accepts("pkg.BTest", "fastOne")).isFalse();
    }

    @Test
    void methodPatternsFromIncludesFilterMethodsWithoutTheDefaultExcludes() {
        SelectionPlan plan = SelectionPlan.resolve(selection(List.of("ATest#fast*"), "", "", ""));

        assertThat(plan.methodFilter().accepts("ATest", "fastOne")).isTrue();
        assertThat(plan.methodFilter().accepts("ATest", "slowOne")).isFalse();
    }

    private TestSelection selection(List<String> includes, String test, String groups, String excludedGroups) {
        return new TestSelection(List.of(classes), includes, List.of(), test, groups, excludedGroups);
    }
}
