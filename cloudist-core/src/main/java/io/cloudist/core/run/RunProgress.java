package io.cloudist.core.run;

import io.cloudist.core.RunListener;
import io.cloudist.core.coordinate.CoordinatorListener;
import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestResult;
import io.cloudist.core.plan.Task;
import io.cloudist.core.plan.Unit;
import io.cloudist.core.protocol.TaskResult;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.report.ClassReport;
import io.cloudist.core.report.ConsoleLine;
import io.cloudist.core.report.ConsoleReport;
import io.cloudist.core.report.ReportStyle;
import io.cloudist.core.report.Reports;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the coordinator's events into what users see while the run goes: Surefire's per-class lines as soon as a
 * class has all its results (failures included), and progress snapshots.
 */
final class RunProgress implements CoordinatorListener {
    private final RunListener listener;
    private final Map<String, TestNode> nodes;
    private final ReportStyle style;
    private final Map<String, Integer> unitsLeftPerClass = new HashMap<>();
    private final Map<String, String> classOfId = new HashMap<>();
    private final Map<String, List<TestResult>> resultsPerClass = new HashMap<>();
    private final int testsTotal;
    private final double expectedTotal;
    private final long startMillis = System.currentTimeMillis();
    private double expectedDone;
    private int testsDone;
    private int failures;
    private long lastProgress;

    RunProgress(RunListener listener, Map<String, TestNode> nodes, List<Task> tasks, ReportStyle style) {
        this.listener = listener;
        this.nodes = nodes;
        this.style = style;
        int tests = 0;
        double expected = 0;
        for (Task task : tasks) {
            for (Unit unit : task.units()) {
                unitsLeftPerClass.merge(unit.className(), 1, Integer::sum);
                unit.uniqueIds().forEach(id -> classOfId.put(id, unit.className()));
                tests += unit.tests();
            }
            expected += task.expectedSeconds();
        }
        this.testsTotal = tests;
        this.expectedTotal = expected;
    }

    @Override
    public void taskFinished(Task task, TaskResult result) {
        Map<String, Status> lastStatusOfTests = new LinkedHashMap<>();
        for (TestResult r : result.results()) {
            resultsPerClass.computeIfAbsent(classOf(r.uniqueId(), task), k -> new ArrayList<>()).add(r);
            if (r.node().kind().isTest()) {
                lastStatusOfTests.put(r.uniqueId(), r.status()); // a rerun counts once, with its last outcome
            }
        }
        testsDone += lastStatusOfTests.size();
        failures += (int) lastStatusOfTests.values().stream()
                .filter(s -> s == Status.FAILED || s == Status.ERROR)
                .count();
        expectedDone += task.expectedSeconds();
        for (Unit unit : task.units()) {
            if (unitsLeftPerClass.merge(unit.className(), -1, Integer::sum) == 0) {
                classDone(unit.className());
            }
        }
    }

    /** The class of the unit a result belongs to: its own id or its nearest ancestor's is a unit's id. */
    private String classOf(String uniqueId, Task task) {
        for (String id = uniqueId; ; ) {
            String cls = classOfId.get(id);
            if (cls != null) {
                return cls;
            }
            int cut = id.lastIndexOf("]/[");
            if (cut < 0) {
                return task.units().get(0).className();
            }
            id = id.substring(0, cut + 1);
        }
    }

    private void classDone(String className) {
        List<TestResult> results = resultsPerClass.getOrDefault(className, List.of());
        Map<String, TestNode> all = new HashMap<>(nodes);
        results.forEach(r -> all.putIfAbsent(r.uniqueId(), r.node()));
        for (ClassReport report : Reports.group(results, all, style)) {
            ConsoleReport.forClass(report).forEach(listener::line);
        }
    }

    @Override
    public void workerLost(WorkerHandle worker, String reason) {
        listener.line(ConsoleLine.warn("Worker " + worker.id() + " lost: " + reason + "; its tasks run elsewhere."));
    }

    @Override
    public void workerReplaced(WorkerHandle worker, int count, int max) {
        listener.line(ConsoleLine.info("Started worker " + worker.id() + " in place of a lost one (" + count + " of at most "
                + max + " replacements, -Dcloudist.maxWorkerRestarts)"));
    }

    @Override
    public void workerNotReplaced(String reason) {
        listener.line(ConsoleLine.warn("Could not start a worker in place of a lost one: " + reason
                + "; the run goes on with the workers it has"));
    }

    @Override
    public void tick(int busyWorkers, int liveWorkers) {
        long now = System.currentTimeMillis();
        if (now - lastProgress < 250) {
            return;
        }
        lastProgress = now;
        long eta = expectedDone <= 0 ? -1 : Math.round((now - startMillis) / 1000.0 * (expectedTotal - expectedDone) / expectedDone);
        listener.progress(new RunListener.Progress(testsDone, testsTotal, failures, busyWorkers, liveWorkers, eta));
    }
}
