package io.cloudist.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.launcher.LauncherDiscoveryRequest;

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
