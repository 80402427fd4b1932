package io.cloudist.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.report.SurefireProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationParametersTest {
    private static ParameterSources surefireProperties(String configurationParameters) {
        return new ParameterSources(
                Map.of(),
                Map.of(),
                Map.of("properties", Map.of("configurationParameters", configurationParameters)),
                Map.of());
    }

    @Test
    void readsSurefiresConfigurationParametersAsAPropertiesText() {
        ParameterSources sources = surefireProperties("""
                # run @Disabled tests too
                junit.jupiter.conditions.deactivate = org.junit.*DisabledCondition
                junit.jupiter.execution.parallel.enabled=true
                junit.jupiter.displayname.generator.default = \\
                    org.junit.jupiter.api.DisplayNameGenerator$ReplaceUnderscores
                """);

        assertThat(ConfigurationParameters.of(sources, SurefireProvider.JUNIT_PLATFORM))
                .containsExactly(
                        Map.entry("junit.jupiter.conditions.deactivate", "org.junit.*DisabledCondition"),
                        Map.entry(
                                "junit.jupiter.displayname.generator.default",
                                "org.junit.jupiter.api.DisplayNameGenerator$ReplaceUnderscores"),
                        Map.entry("junit.jupiter.execution.parallel.enabled", "true"));
    }

    @Test
    void junit4ProjectsKeepTheirWholeStackTracesAsSurefiresJUnit4ProviderDoes() {
        ParameterSources none = new ParameterSources(Map.of(), Map.of(), Map.of(), Map.of());

        assertThat(ConfigurationParameters.of(none, SurefireProvider.JUNIT4))
                .containsExactly(Map.entry(ConfigurationParameters.PRUNING, "false"));
        assertThat(ConfigurationParameters.of(none, SurefireProvider.JUNIT_PLATFORM))
                .isEmpty();
        assertThat(ConfigurationParameters.of(
                        surefireProperties(ConfigurationParameters.PRUNING + "=true"), SurefireProvider.JUNIT3))
                .containsExactly(Map.entry(ConfigurationParameters.PRUNING, "true"));
    }
}
