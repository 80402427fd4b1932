package io.cloudist.core.report;

import io.cloudist.core.model.Failure;
import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestResult;
import java.util.ArrayList;
import java.util.List;

/**
 * SampleResults shaped like a real Surefire 3.5.4 run of JUnit 5.14.1 fixtures, with their real stack traces (shortened),
 * so that tests can compare with what Surefire printed for them.
 */
final class ObservedRun {
    final Plan plan = new Plan();
    final List<TestResult> results = new ArrayList<>();

    ObservedRun() {
        TestNode basic = plan.testClass("com.x.BasicTest");
        add(
                plan.method(basic, "errors"),
                Status.ERROR,
                16,
                new Failure(
                        "java.lang.IllegalStateException",
                        "boom <&> ü",
                        "java.lang.IllegalStateException: boom <&> ü\n"
                                + "\tat com.x.BasicTest.errors(BasicTest.java:8)\n"
                                + "\tat java.base/java.lang.reflect.Method.invoke(Method.java:569)\n"));
        add(plan.method(basic, "passes"), Status.PASSED, 12, null);
        add(plan.method(basic, "disabled"), Status.SKIPPED, 0, new Failure("", "why", ""));
        add(
                plan.method(basic, "fails"),
                Status.FAILED,
                14,
                new Failure(
                        "org.opentest4j.AssertionFailedError",
                        "numbers <&\"'> differ ==> expected: <1> but was: <2>",
                        "org.opentest4j.AssertionFailedError: numbers <&\"'> differ ==> expected: <1> but was: <2>\n"
                                + "\tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)\n"
                                + "\tat com.x.BasicTest.fails(BasicTest.java:7)\n"
                                + "\tat java.base/java.lang.reflect.Method.invoke(Method.java:569)\n"));
        add(
                plan.method(basic, "errorsNoMessage"),
                Status.ERROR,
                3,
                new Failure(
                        "java.lang.IllegalStateException",
                        "",
                        "java.lang.IllegalStateException\n\tat com.x.BasicTest.errorsNoMessage(BasicTest.java:9)\n"));

        TestNode afterAll = plan.testClass("com.x.AfterAllFailsTest");
        add(plan.method(afterAll, "a"), Status.PASSED, 17, null);
        add(
                afterAll,
                Status.ERROR,
                78,
                new Failure(
                        "java.lang.RuntimeException",
                        "teardown failed",
                        "java.lang.RuntimeException: teardown failed\n"
                                + "\tat com.x.AfterAllFailsTest.tearDown(AfterAllFailsTest.java:4)\n"));

        TestNode pretty = plan.testClass("com.x.DisplayNamedTest", "Pretty class <&>");
        add(
                plan.method(pretty, "f", "pretty failing"),
                Status.FAILED,
                12,
                new Failure(
                        "org.opentest4j.AssertionFailedError",
                        "pretty fail",
                        "org.opentest4j.AssertionFailedError: pretty fail\n"
                                + "\tat org.junit.jupiter.api.AssertionUtils.fail(AssertionUtils.java:38)\n"
                                + "\tat com.x.DisplayNamedTest.f(DisplayNamedTest.java:6)\n"));
        add(plan.method(pretty, "m", "pretty method ü"), Status.PASSED, 7, null);
        add(pretty, Status.PASSED, 37, null);

        TestNode factory = plan.testClass("com.x.FactoryTest");
        TestNode dyn = plan.factory(factory, "dyn");
        add(
                plan.dynamicTest(dyn, 2, "second fails"),
                Status.FAILED,
                4,
                new Failure(
                        "org.opentest4j.AssertionFailedError",
                        "dyn failed",
                        "org.opentest4j.AssertionFailedError: dyn failed\n"
                                + "\tat org.junit.jupiter.api.Assertions.fail(Assertions.java:138)\n"
                                + "\tat com.x.FactoryTest.lambda$dyn$1(FactoryTest.java:10)\n"
                                + "\tat java.base/java.util.Optional.ifPresent(Optional.java:178)\n"));

        TestNode nesting = plan.testClass("com.x.NestingTest");
        add(
                plan.method(plan.nested(nesting, "Inner"), "innerFails"),
                Status.FAILED,
                8,
                new Failure(
                        "org.opentest4j.AssertionFailedError",
                        "inner failed",
                        "org.opentest4j.AssertionFailedError: inner failed\n"
                                + "\tat com.x.NestingTest$Inner.innerFails(NestingTest.java:7)\n"));

        TestNode disabled = plan.testClass("com.x.WholeClassDisabledTest");
        plan.method(disabled, "a");
        plan.method(disabled, "b");
        add(disabled, Status.SKIPPED, 0, new Failure("", "class off", ""));
    }

    List<ClassReport> reports() {
        return Reports.group(results, plan.nodes());
    }

    ClassReport report(String className) {
        return reports().stream()
                .filter(r -> r.className().equals(className))
                .findFirst()
                .orElseThrow();
    }

    private void add(TestNode node, Status status, long millis, Failure failure) {
        results.add(new TestResult(node, status, SampleResults.T0, millis / 1000.0, failure, "", ""));
    }
}
