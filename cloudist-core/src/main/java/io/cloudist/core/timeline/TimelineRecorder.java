package io.cloudist.core.timeline;

import io.cloudist.core.coordinate.CoordinatorListener;
import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestResult;
import io.cloudist.core.plan.Task;
import io.cloudist.core.plan.Unit;
import io.cloudist.core.protocol.TaskResult;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.report.Summary;
import io.cloudist.core.timeline.RunTimeline.FailedTest;
import io.cloudist.core.timeline.RunTimeline.PhaseSpan;
import io.cloudist.core.timeline.RunTimeline.TaskSpan;
import io.cloudist.core.timeline.RunTimeline.TestTime;
import io.cloudist.core.timeline.RunTimeline.Worker;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Records a run as it goes — workers started and lost, assignments written, results read (with what each worker
 * recorded of its own time), the coordinator's discovery — and turns it into a {@link RunTimeline} at the end, each
 * worker's time cut into phases by {@link WorkerPhases}. Listens to the coordinator; called on the coordinator's
 * thread.
 */
public final class TimelineRecorder implements CoordinatorListener {
    private final Clock clock;
    private final long startMillis;
    private final Map<String, WorkerLog> workers = new LinkedHashMap<>();
    private final List<PhaseSpan> coordinator = new ArrayList<>();
    private int replacements;

    public TimelineRecorder(Clock clock) {
        this.clock = clock;
        this.startMillis = clock.millis();
    }

    /** The provisioner was asked for these workers at {@code startedMillis}. */
    public void workersStarted(List<WorkerHandle> handles, long startedMillis) {
        handles.forEach(h -> workers.putIfAbsent(h.id(), new WorkerLog(startedMillis)));
    }

    @Override
    public void taskDispatched(WorkerHandle worker, Task task, int seq, int attempt) {
        log(worker.id()).spans.put(seq, new Span(task, attempt, clock.millis()));
    }

    /** The coordinator spent {@code [fromMillis, toMillis]} in {@code phase}, e.g. discovering the tests. */
    public void coordinatorPhase(Phase phase, long fromMillis, long toMillis) {
        coordinator.add(new PhaseSpan(phase, fromMillis, Math.max(fromMillis, toMillis), ""));
    }

    @Override
    public void taskFinished(Task task, TaskResult result) {
        Span span = log(result.workerId()).spans.get(result.seq());
        if (span != null && span.task.id().equals(result.taskId())) {
            span.result = result;
            span.collectedMillis = clock.millis();
        }
    }

    /** The busy worker skips the assignment it was queued: it never ran there. */
    @Override
    public void taskMoved(Task task, WorkerHandle from, WorkerHandle to) {
        log(from.id()).spans.values().removeIf(span -> span.task.id().equals(task.id()) && span.result == null);
    }

    @Override
    public void workerLost(WorkerHandle worker, String reason) {
        WorkerLog log = log(worker.id());
        log.lostMillis = clock.millis();
        log.lostReason = reason;
    }

    @Override
    public void workerReplaced(WorkerHandle worker, int count, int max) {
        replacements++;
    }

    /**
     * The run as recorded, ending now, on a machine of unknown cores.
     *
     * @param summary the run's reported totals
     * @param results every outcome of the run, as reported (the failures come from here)
     */
    public RunTimeline timeline(String runId, String backend, Summary summary, List<TestResult> results) {
        return timeline(runId, backend, 0, summary, results);
    }

    /**
     * The run as recorded, ending now.
     *
     * @param cores the processors of the machine that ran the build and its local workers; 0 when not known
     * @param summary the run's reported totals
     * @param results every outcome of the run, as reported (the failures and flakes come from here)
     */
    public RunTimeline timeline(String runId, String backend, int cores, Summary summary, List<TestResult> results) {
        long end = clock.millis();
        // Each worker's time ends when it was lost, or when the run read its last result (and told them to stop).
        long testsEnd = workers.values().stream()
                .flatMap(log -> log.spans.values().stream())
                .filter(span -> span.result != null)
                .mapToLong(span -> Math.max(span.collectedMillis, span.result.finishedMillis()))
                .max()
                .orElse(end);
        List<Worker> raw = new ArrayList<>();
        workers.forEach((id, log) -> raw.add(log.toWorker(id, testsEnd)));
        int slots = Math.max(1, workers.size() - replacements);
        return Schedule.analyse(
                new Schedule.Recorded(runId, backend, startMillis, end, slots, cores, summary, raw, coordinator),
                failures(results),
                flakes(results));
    }

    private WorkerLog log(String workerId) {
        return workers.computeIfAbsent(workerId, id -> new WorkerLog(0));
    }

    private static List<FailedTest> failures(List<TestResult> results) {
        Map<String, TestResult> last = new LinkedHashMap<>();
        results.forEach(r -> last.put(r.uniqueId(), r));
        return last.values().stream()
                .filter(TimelineRecorder::failed)
                .map(r -> failed(r, r.status().name()))
                .toList();
    }

    /** Tests (not classes) whose last run passed after a run that failed or erred, with that run's failure. */
    private static List<FailedTest> flakes(List<TestResult> results) {
        Map<String, TestResult> firstFailure = new LinkedHashMap<>();
        Map<String, TestResult> last = new LinkedHashMap<>();
        for (TestResult r : results) {
            if (failed(r)) {
                firstFailure.putIfAbsent(r.uniqueId(), r);
            }
            last.put(r.uniqueId(), r);
        }
        return firstFailure.values().stream()
                .filter(r -> r.node().kind().isTest())
                .filter(r -> last.get(r.uniqueId()).status() == Status.PASSED)
                .map(r -> failed(r, "FLAKY"))
                .toList();
    }

    private static boolean failed(TestResult r) {
        return r.status() == Status.FAILED || r.status() == Status.ERROR;
    }

    private static FailedTest failed(TestResult r, String status) {
        return new FailedTest(
                r.node().className(),
                r.node().legacyName(),
                status,
                r.failure() == null ? "" : r.failure().type(),
                r.failure() == null ? "" : r.failure().message());
    }

    private static final class WorkerLog {
        final long startedMillis;
        final Map<Integer, Span> spans = new LinkedHashMap<>();
        long lostMillis;
        String lostReason = "";

        WorkerLog(long startedMillis) {
            this.startedMillis = startedMillis;
        }

        Worker toWorker(String id, long testsEnd) {
            List<TaskSpan> tasks = spans.values().stream().map(Span::toTaskSpan).toList();
            long ready = tasks.stream()
                    .mapToLong(TaskSpan::startedMillis)
                    .filter(t -> t > 0)
                    .min()
                    .orElse(0);
            long start = startedMillis > 0
                    ? startedMillis
                    : spans.values().stream()
                            .mapToLong(s -> s.queuedMillis)
                            .min()
                            .orElse(testsEnd);
            List<WorkerPhases.Ran> ran = spans.values().stream()
                    .filter(s -> s.result != null)
                    .map(Span::ran)
                    .toList();
            long end = lostMillis > 0
                    ? lostMillis
                    : Math.max(
                            testsEnd,
                            ran.stream()
                                    .mapToLong(r -> Math.max(r.finishedMillis(), r.collectedMillis()))
                                    .max()
                                    .orElse(testsEnd));
            end = Math.max(start, end);
            List<PhaseSpan> phases = WorkerPhases.of(start, end, lostMillis > 0, ran);
            return new Worker(id, start, ready, 0, 0, lostMillis, lostReason, tasks, end, phases);
        }
    }

    private static final class Span {
        final Task task;
        final int attempt;
        final long queuedMillis;
        TaskResult result;
        long collectedMillis;

        Span(Task task, int attempt, long queuedMillis) {
            this.task = task;
            this.attempt = attempt;
            this.queuedMillis = queuedMillis;
        }

        WorkerPhases.Ran ran() {
            return new WorkerPhases.Ran(
                    task.id(),
                    result.startedMillis(),
                    result.firstTestMillis(),
                    result.finishedMillis(),
                    collectedMillis,
                    result.jvmStarts(),
                    result.times());
        }

        TaskSpan toTaskSpan() {
            List<String> classes =
                    task.units().stream().map(Unit::className).distinct().toList();
            if (result == null) {
                return new TaskSpan(
                        task.id(), attempt, queuedMillis, 0, 0, 0, "lost", classes, List.of(), task.module(), 0);
            }
            Function<String, String> classOf = classes();
            List<TestTime> tests = result.results().stream()
                    .filter(r -> r.node().kind().isTest()) // containers' time is their tests' time
                    .map(r -> new TestTime(
                            r.uniqueId(),
                            classOf.apply(r.uniqueId()),
                            r.node().legacyName(),
                            r.seconds(),
                            r.status().name()))
                    .toList();
            return new TaskSpan(
                    task.id(),
                    attempt,
                    queuedMillis,
                    result.startedMillis(),
                    result.firstTestMillis(),
                    result.finishedMillis(),
                    outcome(result.results()),
                    classes,
                    tests,
                    task.module(),
                    collectedMillis);
        }

        /**
         * {@code failed} when a node's last run failed, else {@code error} when one's ended in an error, else
         * {@code flaky} when one failed or erred and then passed on a rerun, else {@code passed}.
         */
        private static String outcome(List<TestResult> results) {
            Map<String, Status> last = new LinkedHashMap<>();
            boolean failedOnce = false;
            for (TestResult r : results) {
                last.put(r.uniqueId(), r.status());
                failedOnce |= failed(r);
            }
            if (last.containsValue(Status.FAILED)) {
                return "failed";
            }
            if (last.containsValue(Status.ERROR)) {
                return "error";
            }
            return failedOnce ? "flaky" : "passed";
        }

        /**
         * The top-level class of each test: that of the unit whose id is the test's own or its nearest ancestor's
         * (unique id segments are separated by {@code /[}), looked up rather than searched, so that a task of many
         * thousand tests takes no longer to record than to run.
         */
        private Function<String, String> classes() {
            Map<String, String> byUnitId = new HashMap<>();
            for (Unit unit : task.units()) {
                unit.uniqueIds().forEach(id -> byUnitId.putIfAbsent(id, unit.className()));
            }
            String fallback = task.units().get(0).className();
            return uniqueId -> {
                String id = uniqueId;
                String className = byUnitId.get(id);
                while (className == null && id.lastIndexOf("/[") > 0) {
                    id = id.substring(0, id.lastIndexOf("/["));
                    className = byUnitId.get(id);
                }
                return className != null ? className : fallback;
            };
        }
    }
}
