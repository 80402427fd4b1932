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
import io.cloudist.core.timeline.RunTimeline.TaskSpan;
import io.cloudist.core.timeline.RunTimeline.TestTime;
import io.cloudist.core.timeline.RunTimeline.Worker;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records a run as it goes — workers started and lost, assignments written, results read — and turns it into a
 * {@link RunTimeline} at the end. Listens to the coordinator; called on the coordinator's thread.
 */
public final class TimelineRecorder implements CoordinatorListener {
    private final Clock clock;
    private final long startMillis;
    private final Map<String, WorkerLog> workers = new LinkedHashMap<>();
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

    @Override
    public void taskFinished(Task task, TaskResult result) {
        Span span = log(result.workerId()).spans.get(result.seq());
        if (span != null && span.task.id().equals(result.taskId())) {
            span.result = result;
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
     * The run as recorded, ending now.
     *
     * @param summary the run's reported totals
     * @param results every outcome of the run, as reported (the failures come from here)
     */
    public RunTimeline timeline(String runId, String backend, Summary summary, List<TestResult> results) {
        List<Worker> raw = new ArrayList<>();
        workers.forEach((id, log) -> raw.add(log.toWorker(id)));
        int slots = Math.max(1, workers.size() - replacements);
        return Schedule.analyse(runId, backend, startMillis, clock.millis(), slots, summary, raw, failures(results));
    }

    private WorkerLog log(String workerId) {
        return workers.computeIfAbsent(workerId, id -> new WorkerLog(0));
    }

    private static List<FailedTest> failures(List<TestResult> results) {
        Map<String, TestResult> last = new LinkedHashMap<>();
        results.forEach(r -> last.put(r.uniqueId(), r));
        return last.values().stream()
                .filter(r -> r.status() == Status.FAILED || r.status() == Status.ERROR)
                .map(r -> new FailedTest(
                        r.node().className(),
                        r.node().legacyName(),
                        r.status().name(),
                        r.failure().type(),
                        r.failure().message()))
                .toList();
    }

    private static final class WorkerLog {
        final long startedMillis;
        final Map<Integer, Span> spans = new LinkedHashMap<>();
        long lostMillis;
        String lostReason = "";

        WorkerLog(long startedMillis) {
            this.startedMillis = startedMillis;
        }

        Worker toWorker(String id) {
            List<TaskSpan> tasks = spans.values().stream().map(Span::toTaskSpan).toList();
            long ready = tasks.stream()
                    .mapToLong(TaskSpan::startedMillis)
                    .filter(t -> t > 0)
                    .min()
                    .orElse(0);
            return new Worker(id, startedMillis, ready, 0, 0, lostMillis, lostReason, tasks);
        }
    }

    private static final class Span {
        final Task task;
        final int attempt;
        final long queuedMillis;
        TaskResult result;

        Span(Task task, int attempt, long queuedMillis) {
            this.task = task;
            this.attempt = attempt;
            this.queuedMillis = queuedMillis;
        }

        TaskSpan toTaskSpan() {
            List<String> classes =
                    task.units().stream().map(Unit::className).distinct().toList();
            if (result == null) {
                return new TaskSpan(
                        task.id(), attempt, queuedMillis, 0, 0, 0, "lost", classes, List.of(), task.module());
            }
            List<TestTime> tests = result.results().stream()
                    .filter(r -> r.node().kind().isTest()) // containers' time is their tests' time
                    .map(r -> new TestTime(
                            r.uniqueId(),
                            classOf(r.uniqueId()),
                            r.node().legacyName(),
                            r.seconds(),
                            r.status().name()))
                    .toList();
            boolean failed =
                    result.results().stream().anyMatch(r -> r.status() == Status.FAILED || r.status() == Status.ERROR);
            return new TaskSpan(
                    task.id(),
                    attempt,
                    queuedMillis,
                    result.startedMillis(),
                    result.firstTestMillis(),
                    result.finishedMillis(),
                    failed ? "failed" : "passed",
                    classes,
                    tests,
                    task.module());
        }

        /** The top-level class of the unit whose id is the test's own or an ancestor's. */
        private String classOf(String uniqueId) {
            for (Unit unit : task.units()) {
                for (String id : unit.uniqueIds()) {
                    if (uniqueId.equals(id) || uniqueId.startsWith(id + "/")) {
                        return unit.className();
                    }
                }
            }
            return task.units().get(0).className();
        }
    }
}
