package io.cloudist.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.runner.fixtures.JUnit4ParameterizedFixture;
import io.cloudist.runner.fixtures.OutcomesFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class RequestFileTest {
    @TempDir
    Path dir;

    @Test
    void selectsClassesByNameAndNodesByUniqueId() throws Exception {
        LauncherDiscoveryRequest request = RequestFile.read(
                RunnerJvm.request(dir, "class com.example.Missing", "", "uniqueId [engine:junit-jupiter]/[class:a.B]"));

        assertThat(request.getSelectorsByType(ClassSelector.class))
                .extracting(ClassSelector::getClassName)
                .containsExactly("com.example.Missing");
        assertThat(request.getSelectorsByType(UniqueIdSelector.class))
                .extracting(s -> s.getUniqueId().toString())
                .containsExactly("[engine:junit-jupiter]/[class:a.B]");
    }

    @Test
    void selectsEachJupiterOrVintageClassOnceAndDiscoversExactlyTheListedTests() throws Exception {
        List<String> vintage = testsOf(JUnit4ParameterizedFixture.class);
        List<String> jupiter = testsOf(OutcomesFixture.class);
        List<String> listed = List.of(vintage.get(0), vintage.get(3), jupiter.get(1));
        assertThat(vintage).hasSize(6);
        assertThat(jupiter.size()).isGreaterThan(2);

        LauncherDiscoveryRequest request = RequestFile.read(RunnerJvm.request(dir, lines(listed)));

        assertThat(request.getSelectorsByType(UniqueIdSelector.class))
                .extracting(s -> s.getUniqueId().toString())
                .containsExactly(
                        "[engine:junit-vintage]/[runner:" + JUnit4ParameterizedFixture.class.getName() + "]",
                        "[engine:junit-jupiter]/[class:" + OutcomesFixture.class.getName() + "]");
        assertThat(tests(LauncherFactory.create().discover(request))).containsExactlyInAnyOrderElementsOf(listed);
    }

    @Test
    void aWholeClassListedTestByTestDiscoversAsTheClassDoes() throws Exception {
        List<String> vintage = testsOf(JUnit4ParameterizedFixture.class);

        LauncherDiscoveryRequest request = RequestFile.read(RunnerJvm.request(dir, lines(vintage)));

        assertThat(tests(LauncherFactory.create().discover(request))).containsExactlyElementsOf(vintage);
    }

    @Test
    void aClassListedWholeKeepsAllItsTestsThoughSomeAreAlsoListedOneByOne() throws Exception {
        List<String> jupiter = testsOf(OutcomesFixture.class);
        String whole = "[engine:junit-jupiter]/[class:" + OutcomesFixture.class.getName() + "]";

        LauncherDiscoveryRequest request =
                RequestFile.read(RunnerJvm.request(dir, "uniqueId " + jupiter.get(0), "uniqueId " + whole));

        assertThat(tests(LauncherFactory.create().discover(request))).containsExactlyInAnyOrderElementsOf(jupiter);
    }

    @Test
    void selectsAnotherEnginesTestByItsOwnUniqueId() throws Exception {
        LauncherDiscoveryRequest request = RequestFile.read(RunnerJvm.request(
                dir, "uniqueId [engine:other]/[suite:a.B]/[test:c]", "uniqueId [engine:junit-jupiter]/[class:a.B]"));

        assertThat(request.getSelectorsByType(UniqueIdSelector.class))
                .extracting(s -> s.getUniqueId().toString())
                .containsExactly("[engine:other]/[suite:a.B]/[test:c]", "[engine:junit-jupiter]/[class:a.B]");
        assertThat(request.getPostDiscoveryFilters()).isEmpty();
    }

    private static List<String> testsOf(Class<?> testClass) {
        return tests(LauncherFactory.create()
                .discover(LauncherDiscoveryRequestBuilder.request()
                        .selectors(DiscoverySelectors.selectClass(testClass))
                        .build()));
    }

    /** The unique ids of the plan's tests, in the plan's order. */
    private static List<String> tests(TestPlan plan) {
        List<String> ids = new ArrayList<>();
        plan.getRoots().forEach(root -> collect(plan, root, ids));
        return ids;
    }

    private static void collect(TestPlan plan, TestIdentifier node, List<String> ids) {
        if (node.isTest()) {
            ids.add(node.getUniqueId());
        }
        plan.getChildren(node).forEach(child -> collect(plan, child, ids));
    }

    private static String[] lines(List<String> uniqueIds) {
        return uniqueIds.stream().map(id -> "uniqueId " + id).toArray(String[]::new);
    }

    @Test
    void turnsTagLinesIntoOneIncludeAndOneExcludeFilter() throws Exception {
        LauncherDiscoveryRequest request = RequestFile.read(
                RunnerJvm.request(dir, "includeTags fast & !flaky", "includeTags smoke", "excludeTags slow"));

        assertThat(request.getPostDiscoveryFilters()).hasSize(2);
    }

    @Test
    void turnsEngineLinesIntoEngineFiltersAndConfigLinesIntoConfigurationParameters() throws Exception {
        LauncherDiscoveryRequest request = RequestFile.read(RunnerJvm.request(
                dir,
                "includeEngine junit-jupiter",
                "excludeEngine junit-vintage",
                "config junit.jupiter.conditions.deactivate=org.junit.*DisabledCondition"));

        assertThat(request.getEngineFilters()).hasSize(2);
        assertThat(request.getConfigurationParameters().get("junit.jupiter.conditions.deactivate"))
                .contains("org.junit.*DisabledCondition");
    }

    @Test
    void rejectsAnUnknownKeywordNamingTheLine() throws Exception {
        Path file = RunnerJvm.request(dir, "class a.B", "method a.B#c");

        assertThatThrownBy(() -> RequestFile.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("unknown keyword 'method'");
    }

    @Test
    void rejectsAKeywordWithoutAValue() throws Exception {
        Path file = RunnerJvm.request(dir, "uniqueId ");

        assertThatThrownBy(() -> RequestFile.read(file)).hasMessageContaining("'uniqueId' needs a value");
    }
}
