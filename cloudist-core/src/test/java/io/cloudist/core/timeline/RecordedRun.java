package io.cloudist.core.timeline;

import io.cloudist.core.model.Failure;
import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestResult;
import io.cloudist.core.plan.Task;
import io.cloudist.core.plan.Unit;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.TaskResult;
import io.cloudist.core.protocol.WorkerTimes;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.testing.ManualClock;
import java.util.ArrayList;
import java.util.List;

/** Builds a recorded run by hand: a clock that moves only when told, workers, tasks and their results. */
final class RecordedRun {
    final ManualClock clock = ManualClock.atMillis(0);
    final TimelineRecorder recorder;
    final List<TestResult> reported = new ArrayList<>();

    RecordedRun(long startMillis) {
        clock.setMillis(startMillis);
        recorder = new TimelineRecorder(clock);
    }

    static WorkerHandle worker(String id) {
        return new Handle(id);
    }

    /** A task of one class, one unit per test method. */
    static Task task(String id, String className, String... methods) {
        List<Unit> units = new ArrayList<>();
        for (String method : methods) {
            units.add(new Unit(className + "#" + method, className, List.of(methodId(className, method)), 1));
        }
        return new Task(id, units, 1);
    }

    /** A task of {@code module}'s class, one unit per method. */
    static Task moduleTask(String module, String id, String className, String... methods) {
        List<Unit> units = new ArrayList<>();
        for (String method : methods) {
            units.add(new Unit(className + "#" + method, className, List.of(methodId(className, method)), 1, module));
        }
        return new Task(id, units, methods.length);
    }

    static String methodId(String className, String method) {
        return "[engine:junit-jupiter]/[class:" + className + "]/[method:" + method + "()]";
    }

    static TestResult result(String className, String method, double seconds, Status status, String message) {
        TestNode node = new TestNode(
                methodId(className, method),
                "[engine:junit-jupiter]/[class:" + className + "]",
                method + "()",
                method,
                TestNode.Kind.TEST,
                className,
                method,
                "");
        Failure failure = status == Status.PASSED ? null : Failure.of("java.lang.AssertionError", message);
        return new TestResult(node, status, 1, seconds, failure, "", "");
    }

    void dispatch(long at, WorkerHandle worker, Task task, int seq, int attempt) {
        clock.setMillis(at);
        recorder.taskDispatched(worker, task, seq, attempt);
    }

    void finish(
            Task task,
            WorkerHandle worker,
            int seq,
            long started,
            long firstTest,
            long finished,
            TestResult... results) {
        finish(task, worker, seq, started, firstTest, finished, WorkerTimes.NONE, results);
    }

    /** The coordinator reads a result with the worker's own times, at {@code finished} or later. */
    void finish(
            Task task,
            WorkerHandle worker,
            int seq,
            long started,
            long firstTest,
            long finished,
            WorkerTimes times,
            TestResult... results) {
        clock.setMillis(Math.max(clock.millis(), finished));
        reported.addAll(List.of(results));
        recorder.taskFinished(
                task,
                new TaskResult(
                        Documents.SCHEMA,
                        seq,
                        task.id(),
                        worker.id(),
                        1,
                        started,
                        firstTest,
                        finished,
                        times.recorded() ? times.jvms().size() : 1,
                        List.of(results),
                        List.of(),
                        times));
    }

    static WorkerTimes times(long agent, List<WorkerTimes.Interval> jvms, long firstEvent, long lastEvent) {
        return new WorkerTimes(agent, List.of(), jvms, firstEvent, lastEvent);
    }

    static WorkerTimes.Interval interval(long from, long to) {
        return new WorkerTimes.Interval(from, to);
    }

    private record Handle(String id) implements WorkerHandle {
        @Override
        public boolean isAlive() {
            return true;
        }

        @Override
        public void terminate() {}

        @Override
        public String describe() {
            return "worker " + id;
        }
    }
}
