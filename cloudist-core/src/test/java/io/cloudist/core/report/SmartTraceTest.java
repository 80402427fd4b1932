package io.cloudist.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.model.Failure;
import io.cloudist.core.model.Status;
import java.util.List;
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
    void framesOfTheTestClassesSuperclassesAreKeptAndNamed() {
        String trace = "org.opentest4j.AssertionFailedError: not true\n"
                + "\tat org.junit.jupiter.api.AssertionUtils.fail(AssertionUtils.java:38)\n"
                + "\tat com.x.AbstractFooTest.check(AbstractFooTest.java:50)\n"
                + "\tat junit.framework.TestCase.runTest(TestCase.java:176)\n"
                + "\tat com.x.FooTest.m(FooTest.java:239)\n"
                + "\tat com.x.Unrelated.call(Unrelated.java:7)\n";
        Failure known = new Failure(
                "org.opentest4j.AssertionFailedError",
                "not true",
                trace,
                List.of("com.x.AbstractFooTest", "junit.framework.TestCase"));

        assertThat(SmartTrace.of(TEST, Status.FAILED, known))
                .isEqualTo("FooTest.m:239->AbstractFooTest.check:50 not true");
        assertThat(SmartTrace.of(TEST, Status.FAILED, new Failure(known.type(), known.message(), trace)))
                .isEqualTo("FooTest.m:239 not true");
    }

    @Test
    void aSuperclassFrameOutermostIsMarkedWithAnAngleBracket() {
        Failure failure = new Failure(
                "java.lang.IllegalStateException",
                "setup",
                "java.lang.IllegalStateException: setup\n\tat com.x.AbstractFooTest.setUp(AbstractFooTest.java:20)\n",
                List.of("com.x.AbstractFooTest"));

        assertThat(SmartTrace.of(TEST, Status.ERROR, failure))
                .isEqualTo("FooTest>AbstractFooTest.setUp:20 » IllegalState setup");
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
