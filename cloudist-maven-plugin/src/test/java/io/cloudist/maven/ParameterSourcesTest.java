package io.cloudist.maven;

import static io.cloudist.core.CloudistParameters.ARG_LINE;
import static io.cloudist.core.CloudistParameters.IDLE_MINUTES;
import static io.cloudist.core.CloudistParameters.SKIP;
import static io.cloudist.core.CloudistParameters.SKIP_TESTS;
import static io.cloudist.core.CloudistParameters.TASKS_PER_WORKER;
import static io.cloudist.core.CloudistParameters.TEST;
import static io.cloudist.core.CloudistParameters.WORKERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.core.CloudistProperties.Parameter;
import io.cloudist.core.ConfigurationException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParameterSourcesTest {
    @Test
    void userPropertyBeatsCloudistWhichBeatsSurefireWhichBeatsProjectProperties() {
        Map<String, String> user = Map.of("argLine", "-Duser");
        Map<String, Object> cloudist = Map.of("argLine", "-Dcloudist");
        Map<String, Object> surefire = Map.of("argLine", "-Dsurefire");
        Map<String, String> fallback = Map.of("argLine", "-Dproject");

        assertThat(new ParameterSources(user, cloudist, surefire, fallback).string(ARG_LINE))
                .isEqualTo("-Duser");
        assertThat(new ParameterSources(Map.of(), cloudist, surefire, fallback).string(ARG_LINE))
                .isEqualTo("-Dcloudist");
        assertThat(new ParameterSources(Map.of(), Map.of(), surefire, fallback).string(ARG_LINE))
                .isEqualTo("-Dsurefire");
        assertThat(new ParameterSources(Map.of(), Map.of(), Map.of(), fallback).string(ARG_LINE))
                .isEqualTo("-Dproject");
        assertThat(new ParameterSources(Map.of(), Map.of(), Map.of(), Map.of()).string(ARG_LINE, "x"))
                .isEqualTo("x");
    }

    @Test
    void parameterWithoutPropertyIgnoresProperties() {
        ParameterSources sources =
                new ParameterSources(Map.of("includes", "A"), Map.of(), Map.of(), Map.of("includes", "B"));

        assertThat(sources.string("includes", null)).isEmpty();
    }

    @Test
    void withoutSurefireDropsOnlyTheSurefireLayer() {
        ParameterSources sources =
                new ParameterSources(Map.of(), Map.of(), Map.of("test", "FromSurefire"), Map.of("test", "FromProject"));

        assertThat(sources.withoutSurefire().string(TEST)).isEqualTo("FromProject");
    }

    @Test
    void flagsAcceptTrueAndFalseInAnyCaseAndTreatBlankAsUnset() {
        ParameterSources sources =
                new ParameterSources(Map.of("skipTests", "TRUE", "failIfNoTests", " "), Map.of(), Map.of(), Map.of());

        assertThat(sources.flag(SKIP_TESTS)).isTrue();
        assertThat(sources.flag("failIfNoTests", "failIfNoTests", true)).isTrue();
    }

    @Test
    void otherFlagValuesAreConfigurationErrorsNamingTheProperty() {
        ParameterSources sources = new ParameterSources(Map.of("cloudist.skip", "yes"), Map.of(), Map.of(), Map.of());

        assertThatThrownBy(() -> sources.flag(SKIP)).isInstanceOfSatisfying(ConfigurationException.class, e -> {
            assertThat(e.parameter()).isEqualTo("cloudist.skip");
            assertThat(e.value()).isEqualTo("yes");
            assertThat(e.fix()).contains("true or false");
        });
    }

    @Test
    void cloudistListReplacesSurefireListAndStringsSplitAtCommas() {
        ParameterSources both = new ParameterSources(
                Map.of(), Map.of("includes", List.of("**/A*")), Map.of("includes", List.of("**/B*")), Map.of());
        ParameterSources surefireOnly =
                new ParameterSources(Map.of(), Map.of(), Map.of("excludes", " a, b ,"), Map.of());

        assertThat(both.list("includes")).containsExactly("**/A*");
        assertThat(surefireOnly.list("excludes")).containsExactly("a", "b");
    }

    @Test
    void mapsMergeKeyByKeyWithCloudistWinning() {
        ParameterSources sources = new ParameterSources(
                Map.of(),
                Map.of("systemPropertyVariables", Map.of("a", "cloudist")),
                Map.of("systemPropertyVariables", Map.of("a", "surefire", "b", "surefire")),
                Map.of());

        assertThat(sources.map("systemPropertyVariables"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("a", "cloudist", "b", "surefire"));
    }

    @Test
    void wholeNumbersUseTheDefaultWhenBlankAndRejectValuesBelowTheMinimum() {
        ParameterSources sources = new ParameterSources(
                Map.of("cloudist.workers", " ", "cloudist.idleMinutes", "-1"),
                Map.of("tasksPerWorker", "7"),
                Map.of(),
                Map.of());

        assertThat(sources.wholeNumber(WORKERS, "3", 1)).isEqualTo(3);
        assertThat(sources.wholeNumber(TASKS_PER_WORKER, 1)).isEqualTo(7);
        assertThatThrownBy(() -> sources.wholeNumber(IDLE_MINUTES, 0))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("cloudist.idleMinutes");
                    assertThat(e.fix()).contains("0 or more");
                });
    }

    @Test
    void decimalsAcceptFractionsAndRejectWhatIsOutOfRange() {
        ParameterSources sources = new ParameterSources(
                Map.of("m", "1.5", "zero", "0", "nan", "NaN", "word", "two"), Map.of(), Map.of(), Map.of());

        assertThat(sources.decimal(parameter("m", "2"), true)).isEqualTo(1.5);
        assertThat(sources.decimal(parameter("unset", "2"), true)).isEqualTo(2.0);
        assertThat(sources.decimal(parameter("zero", "1"), false)).isZero();
        assertThatThrownBy(() -> sources.decimal(parameter("zero", "1"), true))
                .isInstanceOfSatisfying(
                        ConfigurationException.class, e -> assertThat(e.fix()).contains("above 0"));
        assertThatThrownBy(() -> sources.decimal(parameter("nan", "1"), false))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> sources.decimal(parameter("word", "1"), false))
                .isInstanceOfSatisfying(
                        ConfigurationException.class, e -> assertThat(e.value()).isEqualTo("two"));
    }

    /** A parameter whose element and property are both {@code name}. */
    private static Parameter parameter(String name, String valueWhenUnset) {
        return new Parameter(name, name, valueWhenUnset, Set.of(), "");
    }
}
