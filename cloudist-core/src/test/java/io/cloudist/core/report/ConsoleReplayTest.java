package io.cloudist.core.report;

import static io.cloudist.core.report.ConsoleLine.info;
import static io.cloudist.core.report.ConsoleLine.printed;
import static io.cloudist.core.report.ConsoleLine.warn;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.model.ConsoleEntry;
import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console of a class replayed from a task's results and transcript, compared with what Surefire 3.5.4 printed. */
class ConsoleReplayTest {
    private final Plan plan = new Plan();
    private final List<TestResult> results = new ArrayList<>();
    private final List<ConsoleEntry> console = new ArrayList<>();

    private void start(TestNode container) {
        console.add(new ConsoleEntry(results.size(), ConsoleEntry.Kind.START, container.uniqueId(), ""));
    }

    private void print(TestNode node, String text) {
        console.add(new ConsoleEntry(results.size(), ConsoleEntry.Kind.OUT, node.uniqueId(), text));
    }

    private void finish(TestNode node, Status status, long millis) {
        results.add(
                status == Status.FAILED
                        ? SampleResults.failed(node, millis, "deeper comparison", 36)
                        : status == Status.SKIPPED
                                ? SampleResults.aborted(node, "not here")
                                : SampleResults.passed(node, millis));
    }

    private List<ConsoleLine> replay(String className, ReportStyle style) {
        ClassReport report = Reports.group(results, plan.nodes(), style).stream()
                .filter(r -> r.className().equals(className))
                .findFirst()
                .orElseThrow();
        return ConsoleReport.replay(report, results, console, id -> id.contains(className), style);
    }

    @Test
    void nestedClassesGetTheirOwnLinesCountingWhatFinishedSinceThePreviousLineAsSurefireCounts() {
        TestNode outer = plan.testClass("com.x.NestedTest");
        TestNode second = plan.nested(outer, "Second");
        TestNode first = plan.nested(outer, "First");
        TestNode deeper = plan.nested(first, "Deeper");
        start(outer);
        print(plan.method(outer, "outer"), "outer\n");
        finish(plan.method(outer, "outer"), Status.PASSED, 2);
        start(second);
        finish(plan.method(second, "inSecond"), Status.PASSED, 1);
        finish(second, Status.PASSED, 14);
        start(first);
        finish(plan.method(first, "inFirst"), Status.PASSED, 1);
        finish(plan.method(first, "aborted"), Status.SKIPPED, 0);
        start(deeper);
        print(plan.method(deeper, "inDeeper"), "in deeper\n");
        finish(plan.method(deeper, "inDeeper"), Status.PASSED, 1);
        finish(plan.method(deeper, "failsInDeeper"), Status.FAILED, 6);
        finish(deeper, Status.PASSED, 11);
        finish(first, Status.PASSED, 56);
        finish(outer, Status.PASSED, 149);

        List<ConsoleLine> lines = replay("com.x.NestedTest", ReportStyle.DEFAULT);

        assertThat(lines)
                .extracting(l -> l.level() + " " + l.text().lines().findFirst().orElse(""))
                .containsExactly(
                        "INFO Running com.x.NestedTest",
                        "STDOUT outer",
                        "INFO Running com.x.NestedTest$Second",
                        "INFO Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.014 s -- in com.x.NestedTest$Second",
                        "INFO Running com.x.NestedTest$First",
                        "INFO Running com.x.NestedTest$First$Deeper",
                        "STDOUT in deeper",
                        "ERROR Tests run: 4, Failures: 1, Errors: 0, Skipped: 1, Time elapsed: 0.011 s <<< FAILURE! -- in "
                                + "com.x.NestedTest$First$Deeper",
                        "ERROR com.x.NestedTest.failsInDeeper -- Time elapsed: 0.006 s <<< FAILURE!",
                        "INFO Tests run: 0, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.056 s -- in com.x.NestedTest$First",
                        "INFO Tests run: 0, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.149 s -- in com.x.NestedTest");
    }

    @Test
    void theJUnit4ProviderHasOneTestSetPerClassItRanAndOutputComesWhereItWasPrinted() {
        TestNode suite = plan.runner("com.x.AllTests");
        TestNode member = plan.add(new TestNode(
                suite.uniqueId() + "/[test:com.x.ATest]",
                suite.uniqueId(),
                "com.x.ATest",
                "com.x.ATest",
                TestNode.Kind.CONTAINER,
                "com.x.ATest",
                "",
                ""));
        TestNode a = plan.vintageTest(member, "a");
        start(suite);
        start(member);
        print(a, "hello\n");
        finish(a, Status.PASSED, 1);
        finish(plan.vintageTest(member, "b"), Status.SKIPPED, 0);
        finish(member, Status.PASSED, 3);
        finish(suite, Status.PASSED, 4);

        List<ConsoleLine> lines = replay("com.x.AllTests", new ReportStyle(SurefireProvider.JUNIT4, false, false));

        assertThat(lines)
                .containsExactly(
                        info("Running com.x.AllTests"),
                        printed(false, "hello\n"),
                        warn(
                                "Tests run: 2, Failures: 0, Errors: 0, Skipped: 1, Time elapsed: 0.004 s -- in com.x.AllTests"));
    }

    @Test
    void aClassThatNeverStartedLeavesTheSummaryToTheReport() {
        TestNode disabled = plan.testClass("com.x.DisabledTest");
        results.add(SampleResults.disabled(disabled, "off"));
        plan.method(disabled, "a");

        assertThat(replay("com.x.DisabledTest", ReportStyle.DEFAULT)).isEmpty();
    }

    @Test
    void aClassThatANewJvmFinishedAfterACrashIsOneTestSet() {
        TestNode cls = plan.testClass("com.x.CrashTest");
        start(cls);
        finish(plan.method(cls, "a"), Status.PASSED, 1);
        results.add(SampleResults.error(plan.method(cls, "exits"), 0, "cloudist.TestJvmCrash", "exit 3", 0));
        start(cls);
        finish(plan.method(cls, "b"), Status.PASSED, 1);
        finish(cls, Status.PASSED, 5);

        List<ConsoleLine> lines = replay("com.x.CrashTest", ReportStyle.DEFAULT);

        assertThat(lines)
                .filteredOn(l -> l.text().startsWith("Running"))
                .containsExactly(info("Running com.x.CrashTest"));
        assertThat(lines.get(1).level()).isEqualTo(ConsoleLine.Level.ERROR);
        assertThat(lines.get(1).text()).startsWith("Tests run: 3, Failures: 0, Errors: 1, Skipped: 0");
        assertThat(lines.get(2).text()).startsWith("com.x.CrashTest.exits");
    }

    @Test
    void aClassThatNeverCompletedLeavesTheSummaryToTheReport() {
        TestNode cls = plan.testClass("com.x.CrashTest");
        start(cls);
        finish(plan.method(cls, "a"), Status.PASSED, 1);
        results.add(SampleResults.error(plan.method(cls, "exits"), 0, "cloudist.TestJvmCrash", "exit 3", 0));

        assertThat(replay("com.x.CrashTest", ReportStyle.DEFAULT)).isEmpty();
    }
}
