package io.cloudist.core.timeline;

import static io.cloudist.core.timeline.RecordedRun.result;
import static io.cloudist.core.timeline.RecordedRun.task;
import static io.cloudist.core.timeline.RecordedRun.worker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudist.core.model.Status;
import io.cloudist.core.plan.Task;
import io.cloudist.core.protocol.BootSteps;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.report.Summary;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    private final WorkerHandle w0 = worker("w0");
    private final WorkerHandle w1 = worker("w1");
    private final WorkerHandle lost = worker("w-lost");

    private String render() {
        RecordedRun run = new RecordedRun(0);
        Task t0 = task("t0", "com.example.AlphaTest", "a1");
        Task t1 = task("t1", "com.example.BetaTest", "b1");
        Task t2 = task("t2", "com.example.GammaTest", "c1");
        run.recorder.workersStarted(List.of(w0, w1, lost), 0);
        run.dispatch(100, w0, t0, 0, 1);
        run.dispatch(100, w1, t1, 0, 1);
        run.dispatch(100, lost, t2, 0, 1);
        run.clock.setMillis(500);
        run.recorder.workerLost(lost, "it stopped <oops>");
        run.dispatch(600, w0, t2, 1, 2);
        run.finish(t0, w0, 0, 200, 300, 1_000, result("com.example.AlphaTest", "a1", 0.7, Status.PASSED, ""));
        run.finish(
                t1,
                w1,
                0,
                200,
                300,
                2_000,
                result(
                        "com.example.BetaTest",
                        "b1",
                        1.7,
                        Status.FAILED,
                        "expected <script>alert('x')</script> & more"));
        run.finish(t2, w0, 1, 1_050, 1_100, 3_000, result("com.example.GammaTest", "c1", 1.9, Status.PASSED, ""));
        return HtmlReport.render(
                run.recorder.timeline("20260101-120000-abcd", "local", new Summary(3, 1, 0, 0, 0), run.reported));
    }

    @Test
    void aReactorsRunColoursEachModulesTasksAndListsEachModulesTime() {
        RecordedRun run = new RecordedRun(0);
        Task app = RecordedRun.moduleTask("g:app", "t0", "com.example.AppTest", "a1");
        Task lib = RecordedRun.moduleTask("g:lib", "t1", "com.example.LibTest", "l1");
        run.recorder.workersStarted(List.of(w0, w1), 0);
        run.dispatch(100, w0, app, 0, 1);
        run.dispatch(100, w1, lib, 0, 1);
        run.finish(app, w0, 0, 200, 300, 1_200, result("com.example.AppTest", "a1", 0.9, Status.PASSED, ""));
        run.finish(lib, w1, 0, 200, 300, 700, result("com.example.LibTest", "l1", 0.4, Status.PASSED, ""));
        RunTimeline timeline =
                run.recorder.timeline("20260101-120000-abcd", "local", new Summary(2, 0, 0, 0, 0), run.reported);

        assertThat(timeline.modules())
                .extracting(
                        RunTimeline.ModuleTime::module, RunTimeline.ModuleTime::tasks, RunTimeline.ModuleTime::seconds)
                .containsExactly(tuple("g:app", 1, 1.0), tuple("g:lib", 1, 0.5));
        String html = HtmlReport.render(timeline);
        assertThat(html)
                .contains("<h2>Modules</h2>")
                .contains("<td>g:app</td>", "<td>g:lib</td>")
                .contains("<rect class=\"passed critical\"", "<rect class=\"passed\"")
                .contains("height=\"3\" style=\"fill:#1f77b4\"", "height=\"3\" style=\"fill:#ff7f0e\"")
                .contains("<title>g:app t0 (attempt 1)");
    }

    @Test
    void aModulesRunHasNoModulesTableAndKeepsItsColours() {
        String html = render();
        assertThat(html).doesNotContain("<h2>Modules</h2>").doesNotContain("style=\"fill:");
    }

    @Test
    void escapesAFailureMessage() {
        String html = render();
        assertThat(html)
                .doesNotContain("<script")
                .doesNotContain("<oops>")
                .contains("expected &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more")
                .contains("it stopped &lt;oops&gt;");
    }

    @Test
    void showsEveryWorkerInTheChartAndTheUtilisationTable() {
        String html = render();
        for (String id : List.of("w0", "w1", "w-lost")) {
            assertThat(html).contains("<text x=\"0\" y=", ">" + id + "</text>").contains("<tr><td>" + id + "</td>");
        }
    }

    @Test
    void marksTheCriticalPathAndColoursTasksByOutcome() {
        String html = render();
        assertThat(html)
                .contains("class=\"passed critical\"")
                .contains("class=\"failed\"")
                .contains("class=\"p-lost\"")
                .contains("t2 (attempt 2)");
    }

    @Test
    void listsTheSlowestClassesAndTheSummary() {
        String html = render();
        assertThat(html.indexOf("com.example.GammaTest</td>")).isLessThan(html.indexOf("com.example.BetaTest</td>"));
        assertThat(html).contains("3 run, 1 failures").contains("per-task overhead");
    }

    @Test
    void namesTheClassesOnTheBarsWhereTheyFit() {
        String html = render();
        assertThat(html).contains("<text class=\"l\"", ">AlphaTest</text>", ">BetaTest</text>", ">GammaTest</text>");
        assertThat(GanttChart.fitted("AlphaTest, BetaTest", 60)).isEqualTo("AlphaTest…");
        assertThat(GanttChart.fitted("AlphaTest", 20)).isEmpty();
        assertThat(GanttChart.simpleNames(List.of("com.example.AlphaTest", "BetaTest")))
                .isEqualTo("AlphaTest, BetaTest");
    }

    @Test
    void namesTheCriticalPathByItsClasses() {
        String html = render();
        assertThat(html)
                .contains("worker w0, 2 tasks: AlphaTest, GammaTest; longest task t2")
                .contains("<h2>Critical path</h2>")
                .contains("<tr><td>t2</td><td>passed</td><td class=\"n\">1.950</td><td>GammaTest</td></tr>");
    }

    @Test
    void colourEachOutcomeItsOwnWayAndSaysWhichIsWhichInALegend() {
        RecordedRun run = new RecordedRun(0);
        Task flaky = task("t0", "com.example.FlakyTest", "f1");
        Task error = task("t1", "com.example.BrokenTest", "e1");
        Task failed = task("t2", "com.example.WrongTest", "w1");
        run.recorder.workersStarted(List.of(w0, w1), 0);
        run.dispatch(0, w0, flaky, 0, 1);
        run.dispatch(0, w1, error, 0, 1);
        run.dispatch(0, w0, failed, 1, 1);
        run.finish(
                flaky,
                w0,
                0,
                10,
                20,
                1_000,
                result("com.example.FlakyTest", "f1", 0.4, Status.FAILED, "once"),
                result("com.example.FlakyTest", "f1", 0.4, Status.PASSED, ""));
        run.finish(error, w1, 0, 10, 20, 1_000, result("com.example.BrokenTest", "e1", 0.9, Status.ERROR, "io"));
        run.finish(failed, w0, 1, 1_010, 1_020, 2_000, result("com.example.WrongTest", "w1", 0.9, Status.FAILED, "no"));
        String html =
                HtmlReport.render(run.recorder.timeline("r", "local", 2, new Summary(3, 1, 1, 0, 1), run.reported));

        assertThat(html)
                .contains("<rect class=\"flaky\"", "<rect class=\"error\"", "<rect class=\"failed critical\"")
                .contains(".flaky{fill:", ".error{fill:", ".failed{fill:")
                .contains("<p class=\"legend\">")
                .contains("class=\"flaky\" width=\"14\" height=\"12\"/></svg> running: a test passed on a rerun")
                .contains("class=\"error\" width=\"14\" height=\"12\"/></svg> running: a test or class in error")
                .contains("class=\"failed\" width=\"14\" height=\"12\"/></svg> running: a test failed")
                .contains("class=\"p-jvm\" width=\"14\" height=\"12\"/></svg> test JVM start")
                .contains("<td>com.example.FlakyTest f1</td><td>FLAKY (passed on a rerun)</td>")
                .contains("3 run, 1 failures, 1 errors, 0 skipped, 1 flaky");
    }

    @Test
    void anInstancesBootStepsGetTheirOwnColumnsAndALocalRunHasNone() {
        RecordedRun run = new RecordedRun(0);
        WorkerHandle instance = worker("i-1-0");
        run.recorder.workersStarted(List.of(instance), 1_000);
        Task t = task("t0", "com.example.Test0", "m");
        run.dispatch(2_000, instance, t, 0, 1);
        run.finish(
                t,
                instance,
                0,
                2_000,
                3_000,
                5_000,
                RecordedRun.times(1_500, List.of(), 3_000, 5_000)
                        .withAgent(1_500, BootSteps.parse("boot=1200,pull=1250-1400,agents=1450")),
                result("com.example.Test0", "m", 2.0, Status.PASSED, ""));
        String html = HtmlReport.render(run.recorder.timeline("r", "ec2", 2, new Summary(1, 0, 0, 0, 0), run.reported));

        assertThat(html)
                .contains("<th>instance boot</th><th>image pull / Java and jars</th><th>process start / boot</th>")
                .contains("instance boot 0.2 s, image pull / Java and jars 0.2 s, process start / boot 0.1 s")
                .contains("class=\"p-pull\" width=\"14\" height=\"12\"/></svg> image pull / Java and jars");
        assertThat(startingUp(4)).doesNotContain("instance boot").doesNotContain("p-pull\" width");
    }

    /** Four local workers on two cores, whose phases the workers reported. */
    private static String startingUp(int cores) {
        RecordedRun run = new RecordedRun(0);
        List<WorkerHandle> four = List.of(worker("w0"), worker("w1"), worker("w2"), worker("w3"));
        run.recorder.workersStarted(four, 1_000);
        run.recorder.coordinatorPhase(Phase.DISCOVERY, 1_100, 1_900);
        for (int i = 0; i < four.size(); i++) {
            Task t = task("t" + i, "com.example.Test" + i, "m");
            run.dispatch(2_000, four.get(i), t, 0, 1);
            run.finish(
                    t,
                    four.get(i),
                    0,
                    2_000,
                    3_000,
                    5_000,
                    RecordedRun.times(1_500, List.of(RecordedRun.interval(1_500, 3_000)), 3_000, 5_000),
                    result("com.example.Test" + i, "m", 2.0, Status.PASSED, ""));
        }
        return HtmlReport.render(run.recorder.timeline("r", "local", cores, new Summary(4, 0, 0, 0, 0), run.reported));
    }

    @Test
    void warnsWhenLocalWorkersOutnumberTheCores() {
        assertThat(startingUp(2))
                .contains("<p class=\"warning\"><strong>Warning:</strong> 4 local workers on 2 cores")
                .contains("4 workers on a machine of 2 cores");
        assertThat(startingUp(8)).doesNotContain("class=\"warning\"");
    }

    @Test
    void givesTheStartUpShareAsANumberInThePagesText() {
        // Each worker: 0.5 s to start, 1.5 s of test JVM start, of 4 s: 50%.
        assertThat(startingUp(8))
                .contains("<strong id=\"startup-share\">50.0%</strong> of 16.0 s: process start / boot 2.0 s,"
                        + " test JVM start 6.0 s")
                .contains("process start / boot 2.0 s (13%), test JVM start 6.0 s (38%), running tests 8.0 s (50%)")
                .contains("<tr><th>coordinator: discovery</th><td>0.8 s</td></tr>");
    }

    @Test
    void drawsEachPhaseOfAWorkerAndTheCoordinatorsDiscoveryOnce() {
        String html = startingUp(8);
        assertThat(html)
                .contains(">coordinator</text>")
                .contains("<rect class=\"p-discovery\"", "<title>coordinator: discovery 0.8 s</title>")
                .contains("<rect class=\"p-start\"", "<title>worker w0: process start / boot 0.5 s</title>")
                .contains("<rect class=\"p-jvm\"", "<title>worker w0: test JVM start 1.5 s (t0)</title>");
        assertThat(html.split("<title>coordinator: discovery", -1)).hasSize(2);
    }

    @Test
    void needsNothingFromOutsideThePage() {
        assertThat(render() + startingUp(2))
                .doesNotContain("<link")
                .doesNotContain("src=")
                .doesNotContain("@import")
                .doesNotContain("url(")
                .doesNotContain("<script");
    }
}
