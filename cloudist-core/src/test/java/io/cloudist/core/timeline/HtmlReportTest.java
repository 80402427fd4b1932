package io.cloudist.core.timeline;

import static io.cloudist.core.timeline.RecordedRun.result;
import static io.cloudist.core.timeline.RecordedRun.task;
import static io.cloudist.core.timeline.RecordedRun.worker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudist.core.model.Status;
import io.cloudist.core.plan.Task;
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
                .contains("class=\"passed critical\" style=\"fill:#5cb85c\"", "class=\"passed\" style=\"fill:#4a78c2\"")
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
                .contains("class=\"lost\"")
                .contains("t2 (attempt 2)");
    }

    @Test
    void listsTheSlowestClassesAndTheSummary() {
        String html = render();
        assertThat(html.indexOf("com.example.GammaTest</td>")).isLessThan(html.indexOf("com.example.BetaTest</td>"));
        assertThat(html).contains("3 run, 1 failures").contains("per-task overhead");
    }

    @Test
    void needsNothingFromOutsideThePage() {
        assertThat(render())
                .doesNotContain("<link")
                .doesNotContain("src=")
                .doesNotContain("@import")
                .doesNotContain("url(")
                .doesNotContain("<script");
    }
}
