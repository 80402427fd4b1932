package io.cloudist.core.report;

import static io.cloudist.core.report.ConsoleLine.error;
import static io.cloudist.core.report.ConsoleLine.info;
import static io.cloudist.core.report.ConsoleLine.warn;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected lines are those Surefire 3.5.4 printed for the same tests. */
class ConsoleReportTest {
    private static final String NL = System.lineSeparator();
    private final ObservedRun run = new ObservedRun();

    @Test
    void failingClassPrintsItsSummaryAndEachFailureAtErrorLevel() {
        ClassReport basic = ClassReport.of(
                "com.x.BasicTest",
                "com.x.BasicTest",
                run.report("com.x.BasicTest").testCases(),
                175);

        List<ConsoleLine> lines = ConsoleReport.forClass(basic);

        assertThat(lines)
                .containsExactly(
                        info("Running com.x.BasicTest"),
                        error(
                                "Tests run: 5, Failures: 1, Errors: 2, Skipped: 1, Time elapsed: 0.175 s <<< FAILURE! -- in "
                                        + "com.x.BasicTest"),
                        error("com.x.BasicTest.errors -- Time elapsed: 0.016 s <<< ERROR!" + NL
                                + "java.lang.IllegalStateException: boom <&> ü\n"
                                + "\tat com.x.BasicTest.errors(BasicTest.java:8)\n"
                                + "\tat java.base/java.lang.reflect.Method.invoke(Method.java:569)\n"),
                        error("com.x.BasicTest.fails -- Time elapsed: 0.014 s <<< FAILURE!" + NL
                                + run.results.get(3).failure().stackTrace()),
                        error(
                                "com.x.BasicTest.errorsNoMessage -- Time elapsed: 0.003 s <<< ERROR!" + NL
                                        + "java.lang.IllegalStateException\n\tat com.x.BasicTest.errorsNoMessage(BasicTest.java:9)\n"));
    }

    @Test
    void displayNamedClassRunsUnderItsDisplayNameButFailsUnderItsClassName() {
        List<ConsoleLine> lines = ConsoleReport.forClass(run.report("com.x.DisplayNamedTest"));

        assertThat(lines).extracting(ConsoleLine::text).first().isEqualTo("Running Pretty class <&>");
        assertThat(lines.get(1).text())
                .isEqualTo("Tests run: 2, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.037 s <<< FAILURE! -- in "
                        + "Pretty class <&>");
        assertThat(lines.get(2).text()).startsWith("com.x.DisplayNamedTest.f -- Time elapsed: 0.012 s <<< FAILURE!");
    }

    @Test
    void classLevelErrorIsNamedByTheClassAlone() {
        List<ConsoleLine> lines = ConsoleReport.forClass(run.report("com.x.AfterAllFailsTest"));

        assertThat(lines.get(2).text()).startsWith("com.x.AfterAllFailsTest -- Time elapsed: 0.078 s <<< ERROR!" + NL);
    }

    @Test
    void skippedOnlyClassWarnsAndPassingClassInforms() {
        assertThat(ConsoleReport.forClass(run.report("com.x.WholeClassDisabledTest")))
                .containsExactly(
                        info("Running com.x.WholeClassDisabledTest"),
                        warn("Tests run: 2, Failures: 0, Errors: 0, Skipped: 2, Time elapsed: 0 s -- in "
                                + "com.x.WholeClassDisabledTest"));

        Plan plan = new Plan();
        TestNode ok = plan.testClass("com.x.OkTest");
        ClassReport passing = Reports.group(List.of(SampleResults.passed(plan.method(ok, "a"), 394)), plan.nodes())
                .get(0);
        assertThat(ConsoleReport.forClass(passing))
                .containsExactly(
                        info("Running com.x.OkTest"),
                        info(
                                "Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.394 s -- in com.x.OkTest"));
    }

    @Test
    void resultsBlockListsFailuresThenErrorsSortedByTestWithTotals() {
        assertThat(ConsoleReport.results(run.reports(), 0))
                .containsExactly(
                        info(""),
                        info("Results:"),
                        info(""),
                        error("Failures: "),
                        error("  BasicTest.fails:7 numbers <&\"'> differ ==> expected: <1> but was: <2>"),
                        error("  DisplayNamedTest.f:6 pretty fail"),
                        error("  FactoryTest.lambda$dyn$1:10 dyn failed"),
                        error("  NestingTest.innerFails inner failed"),
                        error("Errors: "),
                        error("  AfterAllFailsTest.tearDown:4 Runtime teardown failed"),
                        error("  BasicTest.errors:8 IllegalState boom <&> ü"),
                        error("  BasicTest.errorsNoMessage:9 IllegalState"),
                        info(""),
                        error("Tests run: 13, Failures: 4, Errors: 3, Skipped: 3"),
                        info(""));
    }

    @Test
    void cleanRunEndsWithAnInfoTotalAndNoLists() {
        Plan plan = new Plan();
        TestNode ok = plan.testClass("com.x.OkTest");
        List<ClassReport> reports = Reports.group(List.of(SampleResults.passed(plan.method(ok, "a"), 1)), plan.nodes());

        assertThat(ConsoleReport.results(reports, 0))
                .containsExactly(
                        info(""),
                        info("Results:"),
                        info(""),
                        info("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"),
                        info(""));
    }

    @Test
    void flakesAreListedWithEachRunAndCountedOnlyWhenPresent() {
        Plan plan = new Plan();
        TestNode cls = plan.testClass("com.x.FlakyTest");
        TestNode wobbly = plan.method(cls, "wobbly");
        List<ClassReport> reports = Reports.group(
                List.of(SampleResults.failed(wobbly, 5, "first try", 9), SampleResults.passed(wobbly, 3)),
                plan.nodes());

        assertThat(ConsoleReport.results(reports, 1))
                .containsExactly(
                        info(""),
                        info("Results:"),
                        info(""),
                        warn("Flakes: "),
                        warn("com.x.FlakyTest.wobbly"),
                        error("  Run 1: FlakyTest.wobbly:9 first try"),
                        info("  Run 2: PASS"),
                        info(""),
                        info(""),
                        warn("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Flakes: 1"),
                        info(""));
    }

    @Test
    void aTestTwoSuitesRanIsOneEntryOfTheResultsWithBothRunsAndItsPassesAllCount() {
        Plan plan = new Plan();
        TestNode direct = plan.runner("com.x.FailingTest");
        TestNode suite = plan.runner("com.x.AllTests");
        TestNode viaSuite = plan.add(new TestNode(
                suite.uniqueId() + "/[test:com.x.FailingTest]",
                suite.uniqueId(),
                "com.x.FailingTest",
                "com.x.FailingTest",
                TestNode.Kind.CONTAINER,
                "com.x.FailingTest",
                "",
                ""));
        List<TestResult> results = new ArrayList<>();
        for (TestNode parent : List.of(direct, viaSuite)) {
            results.add(SampleResults.failed(plan.vintageTest(parent, "fails"), 3, "x", 5));
            results.add(SampleResults.passed(plan.vintageTest(parent, "passes"), 1));
        }
        List<ClassReport> reports =
                Reports.group(results, plan.nodes(), new ReportStyle(SurefireProvider.JUNIT4, false, false));

        assertThat(reports).extracting(ClassReport::className).containsExactly("com.x.AllTests", "com.x.FailingTest");
        assertThat(ConsoleReport.results(reports, 0))
                .containsExactly(
                        info(""),
                        info("Results:"),
                        info(""),
                        error("Failures: "),
                        error("com.x.FailingTest.fails"),
                        error("  Run 1: FailingTest.fails:5 x"),
                        error("  Run 2: FailingTest.fails:5 x"),
                        info(""),
                        info(""),
                        error("Tests run: 3, Failures: 1, Errors: 0, Skipped: 0"),
                        info(""));
        assertThat(Summary.total(reports, 0)).isEqualTo(new Summary(3, 1, 0, 0, 0));
    }

    @Test
    void headerIsSurefiresBanner() {
        assertThat(ConsoleReport.header())
                .extracting(ConsoleLine::text)
                .containsExactly(
                        "",
                        "-------------------------------------------------------",
                        " T E S T S",
                        "-------------------------------------------------------");
    }
}
