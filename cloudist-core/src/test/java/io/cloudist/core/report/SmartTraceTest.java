package io.cloudist.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.model.Failure;
import io.cloudist.core.model.Status;
import org.junit.jupiter.api.Test;

class SmartTraceTest {
    private static final ReportName TEST = new ReportName("com.x.FooTest", "com.x.FooTest", "m");

    @Test
    void exceptionThrownOutsideTheTestClassIsMarkedWithAGuillemet() {
        Failure npe = new Failure(
                "java.lang.NullPointerException",
                "gone",
                "java.lang.NullPointerException: gone\n"
                        + "\tat java.base/java.util.Objects.requireNonNull(Objects.java:209)\n"
                        + "\tat app//com.x.FooTest.m(FooTest.java:12)\n");

        assertThat(SmartTrace.of(TEST, Status.ERROR, npe)).isEqualTo("FooTest.m:12 » NullPointer gone");
    }

    @Test
    void framesOfTheTestClassAreJoinedOutermostFirst() {
        Failure failure = new Failure(
                "java.lang.IllegalStateException",
                "deep",
                "java.lang.IllegalStateException: deep\n"
                        + "\tat com.x.FooTest.helper(FooTest.java:30)\n"
                        + "\tat com.x.FooTest.m(FooTest.java:12)\n"
                        + "Caused by: java.lang.RuntimeException: cause\n"
                        + "\tat com.x.FooTest.other(FooTest.java:99)\n");

        assertThat(SmartTrace.of(TEST, Status.ERROR, failure)).isEqualTo("FooTest.m:12->helper:30 IllegalState deep");
    }

    @Test
    void assertionsAreNotNamedAndNoFrameFallsBackToTheTestName() {
        Failure failure = new Failure(
                "java.lang.AssertionError",
                "expected true",
                "java.lang.AssertionError: expected true\n\tat org.lib.Check.that(Check.java:1)\n");

        assertThat(SmartTrace.of(TEST, Status.FAILED, failure)).isEqualTo("FooTest.m expected true");
    }

    @Test
    void unknownAndNativeLinesAreNumberedAsJavaDoes() {
        Failure failure = new Failure(
                "com.x.Boom$InnerError",
                "",
                "com.x.Boom$InnerError\n"
                        + "\tat com.x.FooTest.n(Native Method)\n"
                        + "\tat com.x.FooTest.m(Unknown Source)\n");

        assertThat(SmartTrace.of(TEST, Status.ERROR, failure)).isEqualTo("FooTest.m:-1->n:-2 Inner");
    }

    @Test
    void classLevelFailureWithoutFramesIsTheSimpleClassName() {
        ReportName classLevel = new ReportName("com.x.FooTest", "com.x.FooTest", "");
        Failure failure = new Failure("cloudist.JvmCrash", "the test JVM exited", "");

        assertThat(SmartTrace.of(classLevel, Status.ERROR, failure))
                .isEqualTo("FooTest » JvmCrash the test JVM exited");
    }
}
