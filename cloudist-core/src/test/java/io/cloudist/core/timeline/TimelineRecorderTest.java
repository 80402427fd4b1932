package io.cloudist.core.timeline;

import static io.cloudist.core.timeline.RecordedRun.interval;
import static io.cloudist.core.timeline.RecordedRun.result;
import static io.cloudist.core.timeline.RecordedRun.task;
import static io.cloudist.core.timeline.RecordedRun.times;
import static io.cloudist.core.timeline.RecordedRun.worker;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.model.Failure;
import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestResult;
import io.cloudist.core.plan.Task;
import io.cloudist.core.plan.Unit;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.report.Summary;
import io.cloudist.core.timeline.RunTimeline.ClassTime;
import io.cloudist.core.timeline.RunTimeline.TaskSpan;
import io.cloudist.core.timeline.RunTimeline.Worker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineRecorderTest {
    private static final Summary SUMMARY = new Summary(5, 1, 0, 0, 0);

    private final WorkerHandle w0 = worker("w0");
    private final WorkerHandle w1 = worker("w1");
    private final Task t0 = task("t0", "A", "a1", "a2");
    private final Task t1 = task("t1", "B", "b1");
    private final Task t2 = task("t2", "C", "c1");
    private final Task t3 = task("t3", "D", "d1");

    /** Two workers, two tasks each; w0 ends last. */
    static RunTimeline twoWorkers(RecordedRun run, WorkerHandle w0, WorkerHandle w1, Task... t) {
        run.recorder.workersStarted(List.of(w0, w1), 1_000);
        run.dispatch(2_000, w0, t[0], 0, 1);
        run.dispatch(2_000, w1, t[2], 0, 1);
        run.dispatch(2_000, w0, t[1], 1, 1);
        run.dispatch(3_000, w1, t[3], 1, 1);
        run.finish(t[2], w1, 0, 2_200, 2_400, 4_000, result("C", "c1", 1.5, Status.PASSED, ""));
        run.finish(
                t[0],
                w0,
                0,
                2_100,
                2_300,
                5_000,
                result("A", "a1", 2.0, Status.PASSED, ""),
                result("A", "a2", 0.5, Status.PASSED, ""));
        run.finish(t[3], w1, 1, 4_010, 4_400, 6_000, result("D", "d1", 1.5, Status.PASSED, ""));
        run.finish(t[1], w0, 1, 5_050, 5_100, 8_000, result("B", "b1", 2.8, Status.FAILED, "expected <1>"));
        run.clock.setMillis(9_000);
        return run.recorder.timeline("r1", "local", SUMMARY, run.reported);
    }

    private RunTimeline twoWorkers() {
        return twoWorkers(new RecordedRun(500), w0, w1, t0, t1, t2, t3);
    }

    @Test
    void recordsEveryWorkersTasksWithTheirMomentsAndTests() {
        RunTimeline run = twoWorkers();
        assertThat(run.workers()).extracting(Worker::id).containsExactly("w0", "w1");
        Worker first = run.workers().get(0);
        assertThat(first.startedMillis()).isEqualTo(1_000);
        assertThat(first.readyMillis()).isEqualTo(2_100);
        assertThat(first.tasks()).extracting(TaskSpan::taskId).containsExactly("t0", "t1");
        TaskSpan t0Span = first.tasks().get(0);
        assertThat(List.of(
                        t0Span.queuedMillis(),
                        t0Span.startedMillis(),
                        t0Span.firstTestMillis(),
                        t0Span.finishedMillis()))
                .containsExactly(2_000L, 2_100L, 2_300L, 5_000L);
        assertThat(t0Span.classes()).containsExactly("A");
        assertThat(t0Span.tests()).extracting(RunTimeline.TestTime::name).containsExactly("a1", "a2");
        assertThat(first.tasks().get(1).outcome()).isEqualTo("failed");
        assertThat(t0Span.outcome()).isEqualTo("passed");
        assertThat(run.startMillis()).isEqualTo(500);
        assertThat(run.endMillis()).isEqualTo(9_000);
    }

    @Test
    void utilisationIsBusyTimeOverTheMakespan() {
        RunTimeline run = twoWorkers();
        assertThat(run.totals().makespanSeconds()).isEqualTo(6.0);
        assertThat(run.totals().wallSeconds()).isEqualTo(8.5);
        assertThat(run.workers()).extracting(Worker::busySeconds).containsExactly(5.85, 3.79);
        assertThat(run.workers()).extracting(Worker::utilisation).containsExactly(0.975, 0.632);
    }

    @Test
    void overheadIsTheGapFromOneTasksEndToTheNextTasksFirstTest() {
        RunTimeline.Overhead overhead = twoWorkers().overhead();
        assertThat(overhead.samples()).isEqualTo(2);
        assertThat(overhead.medianMillis()).isEqualTo(100);
        assertThat(overhead.p90Millis()).isEqualTo(400);
    }

    @Test
    void percentilesAreNearestRank() {
        List<Long> values = List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L);
        assertThat(Schedule.percentile(values, 0.5)).isEqualTo(50);
        assertThat(Schedule.percentile(values, 0.9)).isEqualTo(90);
        assertThat(Schedule.percentile(List.of(), 0.9)).isZero();
    }

    @Test
    void theCriticalPathIsTheChainOfTheWorkerThatFinishedLast() {
        RunTimeline.CriticalPath path = twoWorkers().criticalPath();
        assertThat(path.workerId()).isEqualTo("w0");
        assertThat(path.taskIds()).containsExactly("t0", "t1");
        assertThat(path.longestTaskId()).isEqualTo("t1");
        assertThat(path.longestTaskWorkerId()).isEqualTo("w0");
        assertThat(path.longestTaskSeconds()).isEqualTo(2.95);
    }

    @Test
    void theLowerBoundIsTestTimeOverWorkersUnlessOneClassTakesLonger() {
        RunTimeline run = twoWorkers();
        assertThat(run.totals().testSeconds()).isEqualTo(8.3);
        assertThat(run.totals().lowerBoundSeconds()).isEqualTo(4.15);
        assertThat(run.totals().makespanOverLowerBound()).isEqualTo(1.446);

        RecordedRun oneLongClass = new RecordedRun(0);
        oneLongClass.recorder.workersStarted(List.of(w0, w1), 0);
        oneLongClass.dispatch(0, w0, t0, 0, 1);
        oneLongClass.finish(t0, w0, 0, 0, 0, 10_000, result("A", "a1", 9.0, Status.PASSED, ""));
        assertThat(oneLongClass
                        .recorder
                        .timeline("r", "local", SUMMARY, List.of())
                        .totals()
                        .lowerBoundSeconds())
                .isEqualTo(9.0);
    }

    @Test
    void classesAreListedLongestFirst() {
        assertThat(twoWorkers().classes()).extracting(ClassTime::className).containsExactly("B", "A", "C", "D");
        assertThat(twoWorkers().classes().get(1)).isEqualTo(new ClassTime("A", 2.5, 2));
    }

    @Test
    void containersAreNotListedAsTestsButTheirFailureFailsTheTask() {
        RecordedRun run = new RecordedRun(0);
        run.dispatch(0, w0, t0, 0, 1);
        TestResult a1 = result("A", "a1", 1.0, Status.PASSED, "");
        TestNode classA = new TestNode(
                a1.node().parentId(), "[engine:junit-jupiter]", "A", "A", TestNode.Kind.CONTAINER, "A", "", "");
        run.finish(
                t0,
                w0,
                0,
                0,
                10,
                2_000,
                a1,
                new TestResult(classA, Status.ERROR, 1, 1.5, Failure.of("IllegalStateException", "no db"), "", ""));

        RunTimeline timeline = run.recorder.timeline("r", "local", SUMMARY, run.reported);

        TaskSpan span = timeline.workers().get(0).tasks().get(0);
        assertThat(span.tests()).extracting(RunTimeline.TestTime::name).containsExactly("a1");
        assertThat(span.outcome()).isEqualTo("error");
        assertThat(timeline.classes()).containsExactly(new ClassTime("A", 1.0, 1));
        assertThat(timeline.failures())
                .extracting(RunTimeline.FailedTest::message)
                .containsExactly("no db");
    }

    @Test
    void eachTestIsCountedToTheClassOfItsOwnOrItsNearestAncestorsUnit() {
        String template = RecordedRun.methodId("B", "each");
        Task twoClasses = new Task(
                "t0",
                List.of(
                        new Unit("A#a1", "A", List.of(RecordedRun.methodId("A", "a1")), 1),
                        new Unit("B#each", "B", List.of(template), 1)),
                2);
        TestNode invocation = new TestNode(
                template + "/[test-template-invocation:#1]",
                template,
                "[1]",
                "each[1]",
                TestNode.Kind.TEST,
                "B",
                "",
                "");
        TestNode stray = new TestNode(
                "[engine:junit-jupiter]/[class:C]/[method:c()]", "", "c()", "c", TestNode.Kind.TEST, "C", "", "");
        RecordedRun run = new RecordedRun(0);
        run.dispatch(0, w0, twoClasses, 0, 1);
        run.finish(
                twoClasses,
                w0,
                0,
                0,
                10,
                2_000,
                result("A", "a1", 1.0, Status.PASSED, ""),
                new TestResult(invocation, Status.PASSED, 1, 0.5, null, "", ""),
                new TestResult(stray, Status.PASSED, 1, 0.25, null, "", ""));

        TaskSpan span = run.recorder
                .timeline("r", "local", SUMMARY, run.reported)
                .workers()
                .get(0)
                .tasks()
                .get(0);

        assertThat(span.tests()).extracting(RunTimeline.TestTime::className).containsExactly("A", "B", "A");
    }

    @Test
    void failuresKeepTheirMessages() {
        assertThat(twoWorkers().failures()).singleElement().satisfies(f -> {
            assertThat(f.className()).isEqualTo("B");
            assertThat(f.status()).isEqualTo("FAILED");
            assertThat(f.message()).isEqualTo("expected <1>");
        });
    }

    @Test
    void aLostWorkersTaskIsLostAndItsReplacementDoesNotCountAsASlot() {
        RecordedRun run = new RecordedRun(0);
        run.recorder.workersStarted(List.of(w0), 0);
        run.dispatch(100, w0, t0, 0, 1);
        run.clock.setMillis(3_000);
        run.recorder.workerLost(w0, "its heartbeat lapsed");
        run.recorder.workersStarted(List.of(w1), 3_000);
        run.recorder.workerReplaced(w1, 1, 1);
        run.dispatch(3_100, w1, t0, 0, 2);
        run.finish(t0, w1, 0, 4_000, 4_100, 6_000, result("A", "a1", 1.0, Status.PASSED, ""));

        RunTimeline timeline = run.recorder.timeline("r", "local", SUMMARY, run.reported);

        Worker lost = timeline.workers().get(0);
        assertThat(lost.lostReason()).isEqualTo("its heartbeat lapsed");
        assertThat(lost.lostMillis()).isEqualTo(3_000);
        assertThat(lost.tasks()).singleElement().extracting(TaskSpan::outcome).isEqualTo("lost");
        assertThat(timeline.workers().get(1).tasks())
                .singleElement()
                .extracting(TaskSpan::attempt)
                .isEqualTo(2);
        assertThat(timeline.totals().workerSlots()).isEqualTo(1);
        assertThat(timeline.criticalPath().workerId()).isEqualTo("w1");
    }

    @Test
    void aRunWithoutTasksHasNoCriticalPathAndNoBound() {
        RunTimeline run = new RecordedRun(0).recorder.timeline("r", "local", Summary.EMPTY, List.of());
        assertThat(run.criticalPath().workerId()).isEmpty();
        assertThat(run.totals().makespanOverLowerBound()).isZero();
        assertThat(run.overhead().samples()).isZero();
    }

    @Test
    void eachWorkersPhasesAddUpToItsTimeFromItsStartToTheRunsLastResult() {
        RunTimeline run = twoWorkers();

        run.workers().forEach(PhasesAddUp::check);
        // The run read its last result at 8000: every worker's time ends there, w1's with a wait.
        assertThat(run.workers()).extracting(Worker::endMillis).containsExactly(8_000L, 8_000L);
        assertThat(run.workers()
                        .get(1)
                        .phases()
                        .get(run.workers().get(1).phases().size() - 1))
                .isEqualTo(new RunTimeline.PhaseSpan(Phase.WAITING, 6_000, 8_000, ""));
    }

    /** w0 is asked for at 1000, up at 1400, its test JVM from 1500 to 2600, its task taken at 2100. */
    private RunTimeline withWorkerTimes(RecordedRun run) {
        run.recorder.workersStarted(List.of(w0), 1_000);
        run.recorder.coordinatorPhase(Phase.DISCOVERY, 1_050, 1_900);
        run.dispatch(2_000, w0, t0, 0, 1);
        run.finish(
                t0,
                w0,
                0,
                2_100,
                2_700,
                5_000,
                times(1_400, List.of(interval(1_500, 2_600)), 2_650, 4_950),
                result("A", "a1", 2.0, Status.PASSED, ""));
        run.clock.setMillis(5_100);
        return run.recorder.timeline("r", "local", 2, SUMMARY, run.reported);
    }

    @Test
    void theWorkersOwnTimesTellItsStartAndItsTestJvmsStartFromItsTests() {
        RunTimeline timeline = withWorkerTimes(new RecordedRun(0));

        Worker w = timeline.workers().get(0);
        PhasesAddUp.check(w);
        assertThat(w.phases())
                .extracting(RunTimeline.PhaseSpan::phase)
                .containsExactly(
                        Phase.START, Phase.WAITING, Phase.JVM, Phase.DISCOVERY, Phase.RUNNING, Phase.REPORTING);
        RunTimeline.PhaseTotals phases = timeline.phases();
        assertThat(phases.workerSeconds()).isEqualTo(4.0);
        assertThat(phases.seconds(Phase.START)).isEqualTo(0.4);
        assertThat(phases.seconds(Phase.JVM)).isEqualTo(1.1);
        assertThat(phases.seconds(Phase.RUNNING)).isEqualTo(2.3);
        assertThat(phases.startupShare()).isEqualTo(0.375);
        assertThat(timeline.coordinator())
                .containsExactly(new RunTimeline.PhaseSpan(Phase.DISCOVERY, 1_050, 1_900, ""));
    }

    @Test
    void moreLocalWorkersThanCoresIsAWarningNamingTheWorkersParameter() {
        RunTimeline onTwoCores = withWorkerTimes(new RecordedRun(0));
        assertThat(onTwoCores.warnings()).isEmpty();
        assertThat(onTwoCores.cores()).isEqualTo(2);

        assertThat(Schedule.warnings("local", 16, 2))
                .singleElement()
                .asString()
                .startsWith("16 local workers on 2 cores")
                .contains("<workers> (-Dcloudist.workers) 2");
        assertThat(Schedule.warnings("ec2", 16, 2)).isEmpty();
        assertThat(Schedule.warnings("local", 16, 0)).isEmpty();
    }

    @Test
    void aTaskIsFailedErrorOrFlakyByTheLastRunOfItsTests() {
        RecordedRun run = new RecordedRun(0);
        Task flaky = task("t0", "A", "a1");
        Task error = task("t1", "B", "b1");
        Task failed = task("t2", "C", "c1", "c2");
        run.dispatch(0, w0, flaky, 0, 1);
        run.dispatch(0, w0, error, 1, 1);
        run.dispatch(0, w0, failed, 2, 1);
        TestResult failedOnce = result("A", "a1", 0.1, Status.FAILED, "first time");
        run.finish(flaky, w0, 0, 0, 10, 100, failedOnce, result("A", "a1", 0.1, Status.PASSED, ""));
        TestResult b1 = result("B", "b1", 0.1, Status.PASSED, "");
        run.finish(
                error,
                w0,
                1,
                100,
                110,
                200,
                new TestResult(b1.node(), Status.ERROR, 1, 0.1, Failure.of("java.io.IOException", "disk"), "", ""));
        run.finish(
                failed,
                w0,
                2,
                200,
                210,
                300,
                result("C", "c1", 0.1, Status.ERROR, "boom"),
                result("C", "c2", 0.1, Status.FAILED, "no"));

        RunTimeline timeline = run.recorder.timeline("r", "local", SUMMARY, run.reported);

        assertThat(timeline.workers().get(0).tasks())
                .extracting(TaskSpan::outcome)
                .containsExactly("flaky", "error", "failed");
        assertThat(timeline.flakes()).singleElement().satisfies(f -> {
            assertThat(f.className()).isEqualTo("A");
            assertThat(f.status()).isEqualTo("FLAKY");
            assertThat(f.message()).isEqualTo("first time");
        });
        assertThat(timeline.failures()).extracting(RunTimeline.FailedTest::name).containsExactly("b1", "c1", "c2");
    }

    @Test
    void theCriticalPathNamesTheClassesOfItsTasksInOrder() {
        assertThat(twoWorkers().criticalPath().classes()).containsExactly("A", "B");
    }

    @Test
    void aRunJsonWrittenBeforeThePhasesReadsWithThemEmpty(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("run.json");
        Files.writeString(
                json,
                "{\"schema\":2,\"runId\":\"r\",\"backend\":\"local\",\"startMillis\":0,\"endMillis\":1,"
                        + "\"totals\":{\"tests\":0},\"overhead\":{\"samples\":0},"
                        + "\"criticalPath\":{\"workerId\":\"\",\"taskIds\":[]},"
                        + "\"workers\":[{\"id\":\"w0\",\"startedMillis\":0,\"tasks\":[{\"taskId\":\"t0\","
                        + "\"outcome\":\"passed\",\"classes\":[\"A\"],\"tests\":[]}]}],"
                        + "\"classes\":[],\"failures\":[],\"modules\":[]}",
                StandardCharsets.UTF_8);

        RunTimeline read = TimelineFiles.read(json);

        assertThat(read.workers().get(0).phases()).isEmpty();
        assertThat(read.phases().byPhase()).isEmpty();
        assertThat(read.coordinator()).isEmpty();
        assertThat(read.flakes()).isEmpty();
        assertThat(read.criticalPath().classes()).isEmpty();
        assertThat(HtmlReport.render(read)).contains("w0");
    }

    @Test
    void runJsonReadsBackAsWritten(@TempDir Path dir) {
        RunTimeline run = withWorkerTimes(new RecordedRun(0));
        Path html = TimelineFiles.write(dir, run);
        assertThat(html).isEqualTo(dir.resolve("report.html")).exists();
        assertThat(TimelineFiles.read(dir.resolve("run.json"))).isEqualTo(run);
    }
}
