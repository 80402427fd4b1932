package io.cloudist.core.select;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathPatternTest {
    @Test
    void doubleStarSpansAnyNumberOfDirectories() {
        assertThat(PathPattern.matches("**/FooTest.class", "FooTest.class")).isTrue();
        assertThat(PathPattern.matches("**/FooTest.class", "a/b/c/FooTest.class"))
                .isTrue();
        assertThat(PathPattern.matches("a/**/FooTest.class", "a/FooTest.class")).isTrue();
        assertThat(PathPattern.matches("a/**/FooTest.class", "b/FooTest.class")).isFalse();
    }

    @Test
    void singleStarAndQuestionMarkStayWithinOneName() {
        assertThat(PathPattern.matches("*Test.class", "pkg/FooTest.class")).isFalse();
        assertThat(PathPattern.matches("pkg/*Test.class", "pkg/FooTest.class")).isTrue();
        assertThat(PathPattern.matches("pkg/F?oTest.class", "pkg/FooTest.class"))
                .isTrue();
        assertThat(PathPattern.matches("pkg/F?Test.class", "pkg/FooTest.class")).isFalse();
    }

    @Test
    void matchingIsCaseSensitive() {
        assertThat(PathPattern.matches("**/footest.class", "FooTest.class")).isFalse();
    }

    @Test
    void nameGlobBacktracksOverStars() {
        assertThat(PathPattern.matchesName("a*b*c", "axxbyybzc")).isTrue();
        assertThat(PathPattern.matchesName("a*b*c", "axxbyyb")).isFalse();
        assertThat(PathPattern.matchesName("*", "")).isTrue();
        assertThat(PathPattern.matchesName("?", "")).isFalse();
    }
}
