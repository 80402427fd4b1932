package io.cloudist.core.run;

import io.cloudist.core.RunListener;
import io.cloudist.core.coordinate.CoordinatorListener;
import io.cloudist.core.plan.Task;
import io.cloudist.core.protocol.TaskResult;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.report.ConsoleLine;
import io.cloudist.core.report.ConsoleReport;
import io.cloudist.core.report.Summary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A reactor's run as its user sees it: each module's section (its classes' lines as Surefire prints them, then its
 * {@code Results:} block) in reactor order, each printed as soon as the module's tests are done and every module
 * before it is printed; one progress line across all modules; and at the end the reactor's summary. A module whose
 * tests are all done is reported at once (its reports written), whatever the order.
 */
final class ReactorConsole implements CoordinatorListener {
    private static final String RULE = "-".repeat(24);

    private final RunListener console;
    private final List<ModuleRun> modules;
    private final Map<String, ModuleRun> byKey = new HashMap<>();
    private final Map<String, RunProgress> progress = new HashMap<>();
    private final Map<String, Integer> tasksLeft = new HashMap<>();
    private final Map<String, Map<String, TaskResult>> finished = new HashMap<>();
    private final ModuleDone moduleDone;
    private final ProgressCount count;
    private int printed;
    private long lastProgress;

    /**
     * @param modules every module of the run, in reactor order
     * @param moduleDone reports a module whose tasks all finished
     */
    ReactorConsole(RunListener console, List<ModuleRun> modules, List<Task> tasks, ModuleDone moduleDone) {
        this.console = console;
        this.modules = modules;
        this.moduleDone = moduleDone;
        this.count = RunProgress.countOf(tasks);
        modules.forEach(m -> byKey.put(m.key(), m));
        Map<String, List<Task>> perModule = new LinkedHashMap<>();
        for (Task task : tasks) {
            perModule.computeIfAbsent(task.module(), k -> new ArrayList<>()).add(task);
            tasksLeft.merge(task.module(), 1, Integer::sum);
        }
        perModule.forEach((key, moduleTasks) -> {
            ModuleRun module = byKey.get(key);
            progress.put(
                    key, new RunProgress(module.out, module.byId, moduleTasks, module.request.reportStyle(), count));
        });
    }

    /** The console of one module's tasks, for the module's reports (what each class printed). */
    RunProgress progressOf(ModuleRun module) {
        return progress.get(module.key());
    }

    /** The first lines of a module's section: a rule with its name, and Surefire's banner. */
    static void open(ModuleRun module) {
        module.out.line(ConsoleLine.info(""));
        module.out.line(ConsoleLine.info(RULE + "< " + module.key() + " >" + RULE));
        ConsoleReport.header().forEach(module.out::line);
    }

    /** Reports a module whose tasks all finished. */
    @FunctionalInterface
    interface ModuleDone {
        /**
         * @param results its tasks' results by task id
         * @param progress its console, with what each of its classes printed
         */
        void report(ModuleRun module, Map<String, TaskResult> results, RunProgress progress);
    }

    @Override
    public void taskFinished(Task task, TaskResult result) {
        ModuleRun module = byKey.get(task.module());
        progress.get(task.module()).taskFinished(task, result);
        finished.computeIfAbsent(task.module(), k -> new LinkedHashMap<>()).put(result.taskId(), result);
        if (tasksLeft.merge(task.module(), -1, Integer::sum) == 0) {
            moduleDone.report(module, finished.get(task.module()), progress.get(task.module()));
            printReady();
        }
    }

    /** Prints the sections of the done modules that no earlier module holds back. */
    void printReady() {
        while (printed < modules.size() && modules.get(printed).done()) {
            modules.get(printed++).takeSection().forEach(console::line);
        }
    }

    /** Prints every section left, then the reactor's summary: each module's totals and test time, and the total. */
    static void finish(RunListener console, List<ModuleRun> modules) {
        modules.forEach(m -> m.takeSection().forEach(console::line));
        console.line(ConsoleLine.info(""));
        console.line(ConsoleLine.info("cloudist: reactor summary:"));
        Summary total = Summary.EMPTY;
        int width = modules.stream().mapToInt(m -> m.name().length()).max().orElse(0);
        for (ModuleRun module : modules) {
            Summary summary = module.outcome.summary();
            total = total.plus(summary);
            String line = String.format(
                    Locale.ROOT,
                    "%s %s %s, Time elapsed: %.3f s%s",
                    module.name(),
                    ".".repeat(width + 3 - module.name().length()),
                    totals(summary),
                    module.testSeconds,
                    module.failure.isEmpty() ? "" : " (" + module.failure + ")");
            console.line(
                    summary.hasFailures() || !module.failure.isEmpty()
                            ? ConsoleLine.error(line)
                            : ConsoleLine.info(line));
        }
        String all = totals(total);
        console.line(total.hasFailures() ? ConsoleLine.error(all) : ConsoleLine.info(all));
        console.line(ConsoleLine.info(""));
    }

    private static String totals(Summary s) {
        return "Tests run: " + s.tests() + ", Failures: " + s.failures() + ", Errors: " + s.errors() + ", Skipped: "
                + s.skipped() + (s.flakes() > 0 ? ", Flakes: " + s.flakes() : "");
    }

    @Override
    public void workerLost(WorkerHandle worker, String reason) {
        console.line(WorkerEvents.lost(worker, reason));
    }

    @Override
    public void workerReplaced(WorkerHandle worker, int count, int max) {
        console.line(WorkerEvents.replaced(worker, count, max));
    }

    @Override
    public void workerNotReplaced(String reason) {
        console.line(WorkerEvents.notReplaced(reason));
    }

    @Override
    public void tick(int busyWorkers, int liveWorkers) {
        long now = System.currentTimeMillis();
        if (now - lastProgress < 250) {
            return;
        }
        lastProgress = now;
        console.progress(count.snapshot(now, busyWorkers, liveWorkers));
    }
}
