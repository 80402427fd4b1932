package io.cloudist.core.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.core.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestSpecTest {
    @Test
    void simpleClassNameMatchesThatClassInAnyPackage() {
        TestSpec spec = TestSpec.parse("CircleTest");

        assertThat(spec.matchesClass("CircleTest")).isTrue();
        assertThat(spec.matchesClass("a.b.CircleTest")).isTrue();
        assertThat(spec.matchesClass("a.b.SquareCircleTest")).isFalse();
        assertThat(spec.matchesClass("a.b.CircleTest$Inner")).isFalse();
    }

    @Test
    void dottedNameMatchesThePackageSuffix() {
        TestSpec spec = TestSpec.parse("shapes.CircleTest");

        assertThat(spec.matchesClass("shapes.CircleTest")).isTrue();
        assertThat(spec.matchesClass("com.shapes.CircleTest")).isTrue();
        assertThat(spec.matchesClass("other.CircleTest")).isFalse();
    }

    @Test
    void slashPatternWithDoubleStarAndSourceSuffixMatchesSubpackages() {
        TestSpec spec = TestSpec.parse("shapes/**/Ci*leTest.java");

        assertThat(spec.matchesClass("shapes.CircleTest")).isTrue();
        assertThat(spec.matchesClass("shapes.round.CiTest")).isFalse();
        assertThat(spec.matchesClass("shapes.round.CirrcleTest")).isTrue();
        assertThat(spec.matchesClass("other.CircleTest")).isFalse();
    }

    @Test
    void classSuffixIsEquivalentToSourceSuffix() {
        assertThat(TestSpec.parse("pkg.FooTest.class").matchesClass("pkg.FooTest"))
                .isTrue();
        assertThat(TestSpec.parse("FooTest.java").matchesClass("pkg.FooTest")).isTrue();
    }

    @Test
    void wildcardsMatchWithinTheSimpleName() {
        TestSpec spec = TestSpec.parse("Ci*le?est");

        assertThat(spec.matchesClass("pkg.CircleTest")).isTrue();
        assertThat(spec.matchesClass("pkg.CiTest")).isFalse();
    }

    @Test
    void methodPatternSelectsTheClassAndFiltersItsMethods() {
        TestSpec spec = TestSpec.parse("CircleTest#area*");

        assertThat(spec.matchesClass("pkg.CircleTest")).isTrue();
        assertThat(spec.matchesClass("pkg.SquareTest")).isFalse();
        assertThat(spec.matchesMethod("pkg.CircleTest", "areaIsPiRSquared")).isTrue();
        assertThat(spec.matchesMethod("pkg.CircleTest", "perimeter")).isFalse();
        assertThat(spec.hasMethodPatterns()).isTrue();
    }

    @Test
    void plusSeparatesSeveralMethodsOfOneClass() {
        TestSpec spec = TestSpec.parse("CircleTest#area+perimeter");

        assertThat(spec.matchesMethod("CircleTest", "area")).isTrue();
        assertThat(spec.matchesMethod("CircleTest", "perimeter")).isTrue();
        assertThat(spec.matchesMethod("CircleTest", "radius")).isFalse();
    }

    @Test
    void hashWithoutClassSelectsEveryClassAndFiltersMethodsByName() {
        TestSpec spec = TestSpec.parse("#fast*");

        assertThat(spec.matchesClass("any.Thing")).isTrue();
        assertThat(spec.matchesMethod("any.Thing", "fastPath")).isTrue();
        assertThat(spec.matchesMethod("any.Thing", "slowPath")).isFalse();
    }

    @Test
    void exclamationMarkExcludesAClass() {
        TestSpec spec = TestSpec.parse("*Test, !Slow*");

        assertThat(spec.matchesClass("pkg.FastTest")).isTrue();
        assertThat(spec.matchesClass("pkg.SlowTest")).isFalse();
        assertThat(spec.matchesMethod("pkg.SlowTest", "any")).isFalse();
    }

    @Test
    void excludingAMethodKeepsItsClassButDropsTheMethod() {
        TestSpec spec = TestSpec.parse("!CircleTest#flaky");

        assertThat(spec.matchesClass("pkg.CircleTest")).isTrue();
        assertThat(spec.matchesClass("pkg.SquareTest")).isTrue();
        assertThat(spec.matchesMethod("pkg.CircleTest", "flaky")).isFalse();
        assertThat(spec.matchesMethod("pkg.CircleTest", "stable")).isTrue();
    }

    @Test
    void regexMatchesTheClassFilePath() {
        TestSpec spec = TestSpec.parse("%regex[.*shapes.*Circle.*]");

        assertThat(spec.matchesClass("com.shapes.CircleTest")).isTrue();
        assertThat(spec.matchesClass("com.other.CircleTest")).isFalse();
    }

    @Test
    void regexWithMethodPartFiltersMethodsByRegex() {
        TestSpec spec = TestSpec.parse("%regex[.*Circle.*#area|peri.*]");

        assertThat(spec.matchesClass("pkg.CircleTest")).isTrue();
        assertThat(spec.matchesMethod("pkg.CircleTest", "perimeter")).isTrue();
        assertThat(spec.matchesMethod("pkg.CircleTest", "areas")).isFalse();
    }

    @Test
    void regexWithOnlyAMethodPartAppliesToEveryClass() {
        TestSpec spec = TestSpec.parse("%regex[#fast.*|slow]");

        assertThat(spec.matchesClass("x.Y")).isTrue();
        assertThat(spec.matchesMethod("x.Y", "slow")).isTrue();
        assertThat(spec.matchesMethod("x.Y", "slower")).isFalse();
    }

    @Test
    void excludedRegexDropsMatchingClasses() {
        TestSpec spec = TestSpec.parse("!%regex[.*Unstable.*]");

        assertThat(spec.matchesClass("pkg.UnstableTest")).isFalse();
        assertThat(spec.matchesClass("pkg.StableTest")).isTrue();
    }

    @Test
    void malformedRegexIsAConfigurationErrorNamingTest() {
        assertThatThrownBy(() -> TestSpec.parse("Foo%regex[.*]"))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("test");
                    assertThat(e.value()).isEqualTo("Foo%regex[.*]");
                });
        assertThatThrownBy(() -> TestSpec.parse("%regex[a#b#c]")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> TestSpec.parse("%regex[(]")).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void blankEntriesAndLoneExclamationMarksAreIgnored() {
        TestSpec spec = TestSpec.parse(" , ! ,");

        assertThat(spec.isEmpty()).isTrue();
        assertThat(spec.matchesClass("any.Thing")).isTrue();
    }

    @Test
    void includesAndExcludesCombineLikeSurefire() {
        TestSpec spec = TestSpec.of(List.of("**/*Test.java", "**/Check*"), List.of("**/*$*, **/Legacy*"));

        assertThat(spec.matchesClass("pkg.FooTest")).isTrue();
        assertThat(spec.matchesClass("pkg.CheckThis")).isTrue();
        assertThat(spec.matchesClass("pkg.FooTest$Inner")).isFalse();
        assertThat(spec.matchesClass("pkg.LegacyTest")).isFalse();
        assertThat(spec.matchesClass("pkg.Helper")).isFalse();
    }

    @Test
    void excludeWithExclamationMarkIsAConfigurationError() {
        assertThatThrownBy(() -> TestSpec.of(List.of(), List.of("!Foo")))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo("excludes"));
    }

    @Test
    void classOnlyPatternsNeedNoMethodFiltering() {
        assertThat(TestSpec.parse("FooTest, !BarTest").hasMethodPatterns()).isFalse();
    }
}
