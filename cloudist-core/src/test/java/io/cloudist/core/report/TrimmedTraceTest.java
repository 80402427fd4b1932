package io.cloudist.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrimmedTraceTest {
    @Test
    void keepsOnlyTheFramesOfTheTestClass() {
        String trace = "org.opentest4j.AssertionFailedError: expected: <1> but was: <2>\n"
                + "\tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)\n"
                + "\tat com.x.FooTest.helper(FooTest.java:20)\n"
                + "\tat com.x.FooTest.fails(FooTest.java:12)\n"
                + "\tat java.base/java.lang.reflect.Method.invoke(Method.java:569)\n";

        assertThat(TrimmedTrace.of(trace, "com.x.FooTest"))
                .isEqualTo("org.opentest4j.AssertionFailedError: expected: <1> but was: <2>\n"
                        + "\tat com.x.FooTest.helper(FooTest.java:20)\n"
                        + "\tat com.x.FooTest.fails(FooTest.java:12)\n");
    }

    @Test
    void focusesOnTheOutermostCauseThatPassedThroughTheTestClassAndKeepsTheCausesBelowIt() {
        String trace = "java.lang.RuntimeException: wrapped\n"
                + "\tat com.x.Lib.call(Lib.java:3)\n"
                + "Caused by: java.lang.IllegalStateException: inner\n"
                + "\tat com.x.Lib.inner(Lib.java:9)\n"
                + "\tat com.x.FooTest.t(FooTest.java:7)\n"
                + "\t... 4 more\n"
                + "Caused by: java.io.IOException: disk\n"
                + "\tat com.x.Io.read(Io.java:1)\n"
                + "\t... 6 more\n";

        assertThat(TrimmedTrace.of(trace, "com.x.FooTest"))
                .isEqualTo("java.lang.RuntimeException: wrapped\n"
                        + "\tat com.x.FooTest.t(FooTest.java:7)\n"
                        + "Caused by: java.io.IOException: disk\n");
    }

    @Test
    void aMessageOfSeveralLinesStartsOnALineOfItsOwn() {
        String trace = "java.lang.AssertionError: first\nsecond\n\tat com.x.FooTest.t(FooTest.java:7)\n";

        assertThat(TrimmedTrace.of(trace, "com.x.FooTest"))
                .isEqualTo("java.lang.AssertionError: \nfirst\nsecond\n\tat com.x.FooTest.t(FooTest.java:7)\n");
    }

    @Test
    void aTraceWithoutTheTestClassKeepsOnlyItsFirstLine() {
        String trace =
                "java.lang.OutOfMemoryError: Java heap space\n\tat java.base/java.util.Arrays.copyOf(Arrays.java:1)\n";

        assertThat(TrimmedTrace.of(trace, "com.x.FooTest")).isEqualTo("java.lang.OutOfMemoryError: Java heap space\n");
    }
}
