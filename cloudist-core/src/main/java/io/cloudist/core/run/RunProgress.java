package io.cloudist.core.run;

import io.cloudist.core.RunListener;
import io.cloudist.core.coordinate.CoordinatorListener;
import io.cloudist.core.model.ConsoleEntry;
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
    private final ReportStyle style;
    private final Map<String, Integer> unitsLeftPerClass = new HashMap<>();
    private final Map<String, String> classOfId = new HashMap<>();
    /** Classes of the containers above units: an engine's root holds several classes and is left out. */
    private final Map<String, String> classOfAncestor = new HashMap<>();
    /**
     * Each class's nodes with their ancestors: what its report needs (its tests' parents, a skipped class's children).
     * A class's lines look them up here rather than in a copy of every node of the run.
     */
    private final Map<String, Map<String, TestNode>> nodesOfClass = new HashMap<>();

    private final Map<String, List<TaskResult>> tasksPerClass = new HashMap<>();
    private final Map<String, StringBuilder> printedPerClass = new LinkedHashMap<>();
    private final Map<String, List<TestResult>> resultsPerClass = new HashMap<>();
    private final ProgressCount count;
    private long lastProgress;

    RunProgress(RunListener listener, Map<String, TestNode> nodes, List<Task> tasks, ReportStyle style) {
        this(listener, nodes, tasks, style, countOf(tasks));
    }

    /** @param count the progress of the whole run, which several modules' consoles share */
    RunProgress(
            RunListener listener,
            Map<String, TestNode> nodes,
            List<Task> tasks,
            ReportStyle style,
            ProgressCount count) {
        this.listener = listener;
        this.style = style;
        for (Task task : tasks) {
            for (Unit unit : task.units()) {
                unitsLeftPerClass.merge(unit.className(), 1, Integer::sum);
                unit.uniqueIds().forEach(id -> classOfId.put(id, unit.className()));
                unit.uniqueIds().forEach(id -> addAncestors(id, unit.className()));
            }
        }
        for (TestNode node : nodes.values()) {
            String className = classOf(node.uniqueId(), "");
            if (className.isEmpty()) {
                continue;
            }
            Map<String, TestNode> ofClass = nodesOfClass.computeIfAbsent(className, k -> new HashMap<>());
            for (TestNode n = node; n != null && ofClass.putIfAbsent(n.uniqueId(), n) == null; ) {
                n = n.isRoot() ? null : nodes.get(n.parentId());
            }
        }
        this.count = count;
    }

    /** The progress count of these tasks, from now. */
    static ProgressCount countOf(List<Task> tasks) {
        int tests = tasks.stream().mapToInt(Task::tests).sum();
        double expected = tasks.stream().mapToDouble(Task::expectedSeconds).sum();
        return new ProgressCount(tests, expected, System.currentTimeMillis());
    }

    @Override
    public void taskFinished(Task task, TaskResult result) {
        Map<String, Status> lastStatusOfTests = new LinkedHashMap<>();
        for (TestResult r : result.results()) {
            resultsPerClass
                    .computeIfAbsent(classOf(r.uniqueId(), task.units().get(0).className()), k -> new ArrayList<>())
                    .add(r);
            if (r.node().kind().isTest()) {
                lastStatusOfTests.put(r.uniqueId(), r.status()); // a rerun counts once, with its last outcome
            }
        }
        int failed = (int) lastStatusOfTests.values().stream()
                .filter(s -> s == Status.FAILED || s == Status.ERROR)
                .count();
        int discovered = task.units().stream().mapToInt(Unit::tests).sum();
        count.taskFinished(discovered, lastStatusOfTests.size(), failed, task.expectedSeconds());
        task.units().stream()
                .map(Unit::className)
                .distinct()
                .forEach(c ->
                        tasksPerClass.computeIfAbsent(c, k -> new ArrayList<>()).add(result));
        for (Unit unit : task.units()) {
            if (unitsLeftPerClass.merge(unit.className(), -1, Integer::sum) == 0) {
                classDone(unit.className());
            }
        }
    }

    /**
     * The class of the unit a result belongs to: its own id or its nearest ancestor's is a unit's id, or it is a
     * container above the units of one class (the class itself); else {@code fallback}.
     */
    private String classOf(String uniqueId, String fallback) {
        String ancestor = classOfAncestor.get(uniqueId);
        for (String id = uniqueId; ; ) {
            String cls = classOfId.get(id);
            if (cls != null) {
                return cls;
            }
            int cut = id.lastIndexOf("]/[");
            if (cut < 0) {
                return ancestor != null && !ancestor.isEmpty() ? ancestor : fallback;
            }
            id = id.substring(0, cut + 1);
        }
    }

    private void addAncestors(String uniqueId, String className) {
        for (int cut = uniqueId.lastIndexOf("]/["); cut >= 0; cut = uniqueId.lastIndexOf("]/[", cut - 1)) {
            classOfAncestor.merge(uniqueId.substring(0, cut + 1), className, (a, b) -> a.equals(b) ? a : "");
        }
    }

    /** What the tests of each class printed, in order, for {@code redirectTestOutputToFile}. */
    Map<String, String> printedPerClass() {
        Map<String, String> printed = new LinkedHashMap<>();
        printedPerClass.forEach((cls, text) -> printed.put(cls, text.toString()));
        return printed;
    }

    /**
     * Prints the class's lines: replayed as they came when one task ran the whole class, else Surefire's summary of
     * the class with what its tests printed.
     */
    private void classDone(String className) {
        List<TestResult> results = resultsPerClass.getOrDefault(className, List.of());
        Map<String, TestNode> all = new HashMap<>(nodesOfClass.getOrDefault(className, Map.of()));
        results.forEach(r -> all.putIfAbsent(r.uniqueId(), r.node()));
        List<TaskResult> tasks = tasksPerClass.getOrDefault(className, List.of());
        for (ClassReport report : Reports.group(results, all, style)) {
            List<ConsoleLine> lines = List.of();
            if (tasks.size() == 1) {
                TaskResult task = tasks.get(0);
                lines = ConsoleReport.replay(
                        report, task.results(), task.console(), id -> className.equals(classOf(id, "")), style);
            }
            if (lines.isEmpty()) {
                lines = new ArrayList<>(ConsoleReport.forClass(report));
                lines.addAll(1, printed(className, tasks));
            }
            for (ConsoleLine line : lines) {
                if (line.isPrinted()) {
                    printedPerClass
                            .computeIfAbsent(className, k -> new StringBuilder())
                            .append(line.text());
                    if (style.redirectTestOutputToFile()) {
                        continue;
                    }
                }
                listener.line(line);
            }
        }
    }

    /** What the tests of a class printed, task by task. */
    private List<ConsoleLine> printed(String className, List<TaskResult> tasks) {
        List<ConsoleLine> lines = new ArrayList<>();
        for (TaskResult task : tasks) {
            for (ConsoleEntry entry : task.console()) {
                boolean ofClass = !entry.uniqueId().isEmpty() && className.equals(classOf(entry.uniqueId(), ""));
                if (entry.kind() != ConsoleEntry.Kind.START && ofClass) {
                    lines.add(ConsoleLine.printed(entry.kind() == ConsoleEntry.Kind.ERR, entry.text()));
                }
            }
        }
        return lines;
    }

    @Override
    public void workerLost(WorkerHandle worker, String reason) {
        listener.line(WorkerEvents.lost(worker, reason));
    }

    @Override
    public void workerReplaced(WorkerHandle worker, int count, int max) {
        listener.line(WorkerEvents.replaced(worker, count, max));
    }

    @Override
    public void workerNotReplaced(String reason) {
        listener.line(WorkerEvents.notReplaced(reason));
    }

    @Override
    public void tick(int busyWorkers, int liveWorkers) {
        long now = System.currentTimeMillis();
        if (now - lastProgress < 250) {
            return;
        }
        lastProgress = now;
        listener.progress(count.snapshot(now, busyWorkers, liveWorkers));
    }

    /**
     * What the plan holds, as the run says before its workers start: "cloudist: 185 tests in 58 classes of 12 modules,
     * 20 tasks on 2 local workers".
     *
     * @param modules the modules of a reactor's run; 0 for a run of one module, which does not name it
     */
    static String planLine(long tests, long classes, int modules, int tasks, int workers, String backend) {
        return "cloudist: " + counted(tests, "test") + " in " + counted(classes, "class")
                + (modules > 0 ? " of " + counted(modules, "module") : "") + ", " + counted(tasks, "task") + " on "
                + workers + " " + backend + (workers == 1 ? " worker" : " workers");
    }

    /** "1 test", "2 tests", "1 class", "3 classes". */
    private static String counted(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun.endsWith("s") ? noun + "es" : noun + "s");
    }
}
