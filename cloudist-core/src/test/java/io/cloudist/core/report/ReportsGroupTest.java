package io.cloudist.core.report;

import static io.cloudist.core.report.SampleResults.aborted;
import static io.cloudist.core.report.SampleResults.disabled;
import static io.cloudist.core.report.SampleResults.error;
import static io.cloudist.core.report.SampleResults.failed;
import static io.cloudist.core.report.SampleResults.passed;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportsGroupTest {
    private final Plan plan = new Plan();

    private List<ClassReport> group(TestResult... results) {
        return Reports.group(List.of(results), plan.nodes());
    }

    private static List<String> names(ClassReport report) {
        return report.testCases().stream().map(c -> c.name().name()).toList();
    }

    @Test
    void reportsAreSortedByClassNameAndKeepFinishingOrderInside() {
        TestNode b = plan.testClass("com.x.B");
        TestNode a = plan.testClass("com.x.A");

        List<ClassReport> reports = group(
                passed(plan.method(b, "second"), 1),
                passed(plan.method(a, "only"), 1),
                passed(plan.method(b, "first"), 1));

        assertThat(reports).extracting(ClassReport::className).containsExactly("com.x.A", "com.x.B");
        assertThat(names(reports.get(1))).containsExactly("second", "first");
    }

    @Test
    void nestedClassesCountInTheirTopLevelClass() {
        TestNode outer = plan.testClass("com.x.NestingTest");
        TestNode inner = plan.nested(outer, "Inner");
        TestNode deeper = plan.nested(inner, "Deeper");

        List<ClassReport> reports = group(
                passed(plan.method(outer, "outer"), 17),
                passed(plan.method(inner, "inner1"), 10),
                failed(plan.method(inner, "innerFails"), 8, "inner failed", 7),
                passed(plan.method(deeper, "deep"), 5));

        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.className()).isEqualTo("com.x.NestingTest");
            assertThat(r.summary()).isEqualTo(new Summary(4, 1, 0, 0, 0));
            assertThat(r.testCases())
                    .extracting(c -> c.name().className())
                    .containsExactly(
                            "com.x.NestingTest",
                            "com.x.NestingTest$Inner",
                            "com.x.NestingTest$Inner",
                            "com.x.NestingTest$Inner$Deeper");
        });
    }

    @Test
    void failedBeforeAllIsOneErrorOfTheClassAndHidesTheTestsThatNeverRan() {
        TestNode cls = plan.testClass("com.x.BeforeAllFailsTest");
        TestResult classError = error(cls, 11, "java.lang.RuntimeException", "setup failed", 4);
        TestResult neverRan = new TestResult(plan.method(cls, "a"), Status.ERROR, 0, 0, classError.failure(), "", "");

        List<ClassReport> reports = group(classError, neverRan);

        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(names(r)).containsExactly("");
            assertThat(r.summary()).isEqualTo(new Summary(1, 0, 1, 0, 0));
            assertThat(r.elapsedMillis()).isEqualTo(11);
        });
    }

    @Test
    void failedAfterAllAddsATestCaseNextToThePassedTests() {
        TestNode cls = plan.testClass("com.x.AfterAllFailsTest");

        List<ClassReport> reports = group(
                passed(plan.method(cls, "a"), 17), error(cls, 78, "java.lang.RuntimeException", "teardown failed", 4));

        assertThat(names(reports.get(0))).containsExactly("a", "");
        assertThat(reports.get(0).summary()).isEqualTo(new Summary(2, 0, 1, 0, 0));
    }

    @Test
    void assertionInBeforeAllIsAFailureOfTheClass() {
        TestNode cls = plan.testClass("com.x.BeforeAllAssertFailsTest");

        List<ClassReport> reports = group(failed(cls, 93, "setup assertion", 4));

        assertThat(reports.get(0).summary()).isEqualTo(new Summary(1, 1, 0, 0, 0));
    }

    @Test
    void disabledClassStandsForOneSkippedTestPerChild() {
        TestNode cls = plan.testClass("com.x.WholeClassDisabledTest");
        plan.method(cls, "a");
        plan.method(cls, "b");

        List<ClassReport> reports = group(disabled(cls, "class off"));

        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(names(r)).containsExactly("a", "b");
            assertThat(r.summary()).isEqualTo(new Summary(2, 0, 0, 2, 0));
            assertThat(r.testCases())
                    .allSatisfy(
                            c -> assertThat(c.firstRun().failure().message()).isEqualTo("class off"));
            assertThat(r.elapsedMillis()).isZero();
        });
    }

    @Test
    void disabledTemplateIsOneSkippedTestCase() {
        TestNode cls = plan.testClass("com.x.ParamTest");

        List<ClassReport> reports = group(disabled(plan.template(cls, "p", "int", "p(int)"), "off"));

        assertThat(names(reports.get(0))).containsExactly("p(int)");
        assertThat(reports.get(0).summary().skipped()).isEqualTo(1);
    }

    @Test
    void passedContainersAreNotTestCasesButGiveTheClassItsTime() {
        TestNode cls = plan.testClass("com.x.FactoryTest");
        TestNode dyn = plan.factory(cls, "dyn");

        List<ClassReport> reports =
                group(passed(plan.dynamicTest(dyn, 1, "first"), 1), passed(dyn, 30), passed(cls, 122));

        assertThat(names(reports.get(0))).containsExactly("dyn()[1]");
        assertThat(reports.get(0).elapsedMillis()).isEqualTo(122);
    }

    @Test
    void withoutAClassResultTheElapsedTimeIsTheSpanOfItsTests() {
        TestNode cls = plan.testClass("com.x.SpanTest");
        TestResult first = passed(plan.method(cls, "a"), 100);
        TestResult second =
                new TestResult(plan.method(cls, "b"), Status.PASSED, first.startMillis() + 50, 0.2, null, "", "");

        assertThat(group(first, second).get(0).elapsedMillis()).isEqualTo(250);
    }

    @Test
    void skippedAndAbortedTestsCountAsSkipped() {
        TestNode cls = plan.testClass("com.x.BasicTest");

        List<ClassReport> reports =
                group(disabled(plan.method(cls, "disabled"), "why"), aborted(plan.method(cls, "aborted"), "not today"));

        assertThat(reports.get(0).summary()).isEqualTo(new Summary(2, 0, 0, 2, 0));
    }

    @Test
    void aTestThatFailedAndThenPassedIsFlaky() {
        TestNode cls = plan.testClass("com.x.FlakyTest");
        TestNode wobbly = plan.method(cls, "wobbly");

        List<ClassReport> reports = group(failed(wobbly, 5, "first try", 9), passed(wobbly, 3));

        assertThat(reports.get(0).testCases()).singleElement().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(TestCase.Outcome.FLAKY);
            assertThat(c.millis()).isEqualTo(3);
        });
        assertThat(reports.get(0).summary()).isEqualTo(new Summary(1, 0, 0, 0, 1));
    }

    @Test
    void aClassWhoseSetupFailedOnceIsAFlakeAndItsRerunTestsPass() {
        TestNode cls = plan.testClass("com.x.SetupOnceTest");

        List<ClassReport> reports = group(
                error(cls, 11, "java.lang.IllegalStateException", "setup failed", 4),
                passed(plan.method(cls, "a"), 1),
                passed(plan.method(cls, "b"), 1),
                passed(cls, 5));

        assertThat(reports.get(0).summary()).isEqualTo(new Summary(3, 0, 0, 0, 1));
    }

    @Test
    void anErrorInAnyRunMakesARerunFailureAnError() {
        TestNode cls = plan.testClass("com.x.BadTest");
        TestNode bad = plan.method(cls, "bad");

        List<ClassReport> reports =
                group(failed(bad, 5, "first", 9), error(bad, 5, "java.lang.IllegalStateException", "second", 9));

        assertThat(reports.get(0).summary()).isEqualTo(new Summary(1, 0, 1, 0, 0));
    }

    @Test
    void dynamicNodesUnknownToDiscoveryAreNamedFromTheirResults() {
        TestNode cls = plan.testClass("com.x.FactoryTest");
        TestNode dyn = plan.factory(cls, "dyn");
        TestNode dynamic = new TestNode(
                dyn.uniqueId() + "/[dynamic-test:#1]",
                dyn.uniqueId(),
                "first",
                "dyn()[1]",
                TestNode.Kind.TEST,
                "com.x.FactoryTest",
                "dyn",
                "");
        plan.nodes().remove(dynamic.uniqueId());

        List<ClassReport> reports = group(passed(dynamic, 1));

        assertThat(reports.get(0).testCases().get(0).name())
                .isEqualTo(new ReportName("com.x.FactoryTest", "com.x.FactoryTest", "dyn()[1]"));
    }

    @Test
    void totalsAddUpOverClasses() {
        TestNode a = plan.testClass("com.x.A");
        TestNode b = plan.testClass("com.x.B");

        List<ClassReport> reports = group(
                passed(plan.method(a, "x"), 1),
                failed(plan.method(b, "y"), 1, "no", 3),
                disabled(plan.method(b, "z"), "r"));

        assertThat(Summary.total(reports, 0)).isEqualTo(new Summary(3, 1, 0, 1, 0));
    }
}
