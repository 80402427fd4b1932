package io.cloudist.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.core.ConfigurationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterSourcesTest {
    @Test
    void userPropertyBeatsCloudistWhichBeatsSurefireWhichBeatsProjectProperties() {
        Map<String, String> user = Map.of("argLine", "-Duser");
        Map<String, Object> cloudist = Map.of("argLine", "-Dcloudist");
        Map<String, Object> surefire = Map.of("argLine", "-Dsurefire");
        Map<String, String> fallback = Map.of("argLine", "-Dproject");

        assertThat(new ParameterSources(user, cloudist, surefire, fallback).string("argLine", "argLine", ""))
                .isEqualTo("-Duser");
        assertThat(new ParameterSources(Map.of(), cloudist, surefire, fallback).string("argLine", "argLine", ""))
                .isEqualTo("-Dcloudist");
        assertThat(new ParameterSources(Map.of(), Map.of(), surefire, fallback).string("argLine", "argLine", ""))
                .isEqualTo("-Dsurefire");
        assertThat(new ParameterSources(Map.of(), Map.of(), Map.of(), fallback).string("argLine", "argLine", ""))
                .isEqualTo("-Dproject");
        assertThat(new ParameterSources(Map.of(), Map.of(), Map.of(), Map.of()).string("argLine", "argLine", "x"))
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

        assertThat(sources.withoutSurefire().string("test", "test", "")).isEqualTo("FromProject");
    }

    @Test
    void flagsAcceptTrueAndFalseInAnyCaseAndTreatBlankAsUnset() {
        ParameterSources sources =
                new ParameterSources(Map.of("skipTests", "TRUE", "failIfNoTests", " "), Map.of(), Map.of(), Map.of());

        assertThat(sources.flag("skipTests", "skipTests", false)).isTrue();
        assertThat(sources.flag("failIfNoTests", "failIfNoTests", true)).isTrue();
    }

    @Test
    void otherFlagValuesAreConfigurationErrorsNamingTheProperty() {
        ParameterSources sources = new ParameterSources(Map.of("cloudist.skip", "yes"), Map.of(), Map.of(), Map.of());

        assertThatThrownBy(() -> sources.flag("skip", "cloudist.skip", false))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
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
                Map.of("cloudist.workers", " ", "cloudist.idleMinutes", "-1"), Map.of("tasksPerWorker", "7"), Map.of(),
                Map.of());

        assertThat(sources.wholeNumber("workers", "cloudist.workers", "3", 1)).isEqualTo(3);
        assertThat(sources.wholeNumber("tasksPerWorker", "cloudist.tasksPerWorker", "4", 1)).isEqualTo(7);
        assertThatThrownBy(() -> sources.wholeNumber("idleMinutes", "cloudist.idleMinutes", "5", 0))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("cloudist.idleMinutes");
                    assertThat(e.fix()).contains("0 or more");
                });
    }

    @Test
    void decimalsAcceptFractionsAndRejectWhatIsOutOfRange() {
        ParameterSources sources = new ParameterSources(
                Map.of("m", "1.5", "zero", "0", "nan", "NaN", "word", "two"), Map.of(), Map.of(), Map.of());

        assertThat(sources.decimal("m", "m", "2", true)).isEqualTo(1.5);
        assertThat(sources.decimal("unset", "unset", "2", true)).isEqualTo(2.0);
        assertThat(sources.decimal("zero", "zero", "1", false)).isZero();
        assertThatThrownBy(() -> sources.decimal("zero", "zero", "1", true))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.fix()).contains("above 0"));
        assertThatThrownBy(() -> sources.decimal("nan", "nan", "1", false))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> sources.decimal("word", "word", "1", false))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.value()).isEqualTo("two"));
    }
}
