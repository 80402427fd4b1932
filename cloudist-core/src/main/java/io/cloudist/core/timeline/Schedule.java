package io.cloudist.core.timeline;

import io.cloudist.core.CloudistParameters;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.report.Summary;
import io.cloudist.core.timeline.RunTimeline.ClassTime;
import io.cloudist.core.timeline.RunTimeline.CriticalPath;
import io.cloudist.core.timeline.RunTimeline.FailedTest;
import io.cloudist.core.timeline.RunTimeline.Overhead;
import io.cloudist.core.timeline.RunTimeline.PhaseSpan;
import io.cloudist.core.timeline.RunTimeline.PhaseTime;
import io.cloudist.core.timeline.RunTimeline.PhaseTotals;
import io.cloudist.core.timeline.RunTimeline.TaskSpan;
import io.cloudist.core.timeline.RunTimeline.TestTime;
import io.cloudist.core.timeline.RunTimeline.Totals;
import io.cloudist.core.timeline.RunTimeline.Worker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a recorded run's spans add up to: makespan, utilisation, critical path, overhead, lower bound, the workers' time
 * by phase and its start-up share, and what may have slowed the run.
 */
final class Schedule {
    private Schedule() {}

    /**
     * A run as recorded.
     *
     * @param slots the workers the run asked for (replacements take a lost one's slot)
     * @param cores the processors of the build's machine; 0 when not known
     * @param workers every worker, its tasks and phases
     * @param coordinator the coordinator's own phases
     */
    record Recorded(
            String runId,
            String backend,
            long startMillis,
            long endMillis,
            int slots,
            int cores,
            Summary summary,
            List<Worker> workers,
            List<PhaseSpan> coordinator) {}

    static RunTimeline analyse(Recorded run, List<FailedTest> failures, List<FailedTest> flakes) {
        String runId = run.runId();
        String backend = run.backend();
        long startMillis = run.startMillis();
        long endMillis = run.endMillis();
        int slots = run.slots();
        Summary summary = run.summary();
        List<Worker> recorded = run.workers();
        List<TaskSpan> finished = recorded.stream()
                .flatMap(w -> w.tasks().stream())
                .filter(t -> t.finishedMillis() > 0)
                .toList();
        long first = recorded.stream()
                .flatMap(w -> w.tasks().stream())
                .mapToLong(TaskSpan::queuedMillis)
                .min()
                .orElse(0);
        long last = finished.stream().mapToLong(TaskSpan::finishedMillis).max().orElse(first);
        double makespan = Math.max(0, last - first) / 1000.0;
        List<Worker> workers =
                recorded.stream().map(w -> withUtilisation(w, makespan)).toList();
        List<ClassTime> classes = classes(finished);
        double testSeconds = classes.stream().mapToDouble(ClassTime::seconds).sum();
        double longestClass = classes.isEmpty() ? 0 : classes.get(0).seconds();
        double lowerBound = Math.max(testSeconds / slots, longestClass);
        Totals totals = new Totals(
                summary.tests(),
                summary.failures(),
                summary.errors(),
                summary.skipped(),
                slots,
                (endMillis - startMillis) / 1000.0,
                makespan,
                round(testSeconds),
                round(lowerBound),
                lowerBound > 0 ? round(makespan / lowerBound) : 0);
        return new RunTimeline(
                Documents.SCHEMA,
                runId,
                backend,
                startMillis,
                endMillis,
                totals,
                overhead(workers),
                criticalPath(workers),
                workers,
                classes,
                failures,
                modules(finished),
                run.coordinator(),
                phaseTotals(workers),
                run.cores(),
                warnings(backend, slots, run.cores()),
                flakes);
    }

    /** Every worker's time by phase, and the share of it spent starting up. */
    static PhaseTotals phaseTotals(List<Worker> workers) {
        Map<Phase, Long> millis = new LinkedHashMap<>();
        for (Phase phase : Phase.values()) {
            millis.put(phase, 0L);
        }
        for (Worker w : workers) {
            for (PhaseSpan p : w.phases()) {
                millis.merge(p.phase(), p.toMillis() - p.fromMillis(), Long::sum);
            }
        }
        long total = millis.values().stream().mapToLong(Long::longValue).sum();
        long startingUp = millis.entrySet().stream()
                .filter(e -> e.getKey().startsUp())
                .mapToLong(Map.Entry::getValue)
                .sum();
        List<PhaseTime> byPhase = millis.entrySet().stream()
                .map(e -> new PhaseTime(e.getKey(), e.getValue() / 1000.0))
                .toList();
        return new PhaseTotals(total / 1000.0, byPhase, total > 0 ? round((double) startingUp / total) : 0);
    }

    /** More local workers than cores: they share the processors, and start-up and tests take longer. */
    static List<String> warnings(String backend, int slots, int cores) {
        if (backend.equals("local") && cores > 0 && slots > cores) {
            return List.of(String.format(
                    Locale.ROOT,
                    "%d local workers on %d cores: the workers and their test JVMs compete for the processors, so each"
                            + " starts and runs slower than alone; with CPU-bound tests, %s %d may be as fast",
                    slots,
                    cores,
                    CloudistParameters.WORKERS.displayName(),
                    cores));
        }
        return List.of();
    }

    /** Each module's finished tasks, tests and time, in the order of their first task. */
    private static List<RunTimeline.ModuleTime> modules(List<TaskSpan> finished) {
        Map<String, double[]> byModule = new LinkedHashMap<>();
        finished.stream()
                .sorted(Comparator.comparingLong(TaskSpan::startedMillis))
                .forEach(t -> {
                    double[] sum = byModule.computeIfAbsent(t.module(), k -> new double[3]);
                    sum[0]++;
                    sum[1] += t.tests().size();
                    sum[2] += t.seconds();
                });
        List<RunTimeline.ModuleTime> modules = new ArrayList<>();
        byModule.forEach((module, sum) ->
                modules.add(new RunTimeline.ModuleTime(module, (int) sum[0], (int) sum[1], round(sum[2]))));
        return modules;
    }

    private static Worker withUtilisation(Worker w, double makespan) {
        double busy = round(w.tasks().stream().mapToDouble(TaskSpan::seconds).sum());
        double utilisation = makespan > 0 ? round(busy / makespan) : 0;
        return new Worker(
                w.id(),
                w.startedMillis(),
                w.readyMillis(),
                busy,
                utilisation,
                w.lostMillis(),
                w.lostReason(),
                w.tasks(),
                w.endMillis(),
                w.phases());
    }

    /** Per top-level class, the sum of its tests' times, longest first. */
    private static List<ClassTime> classes(List<TaskSpan> finished) {
        Map<String, double[]> byClass = new LinkedHashMap<>();
        for (TaskSpan task : finished) {
            for (TestTime test : task.tests()) {
                double[] sum = byClass.computeIfAbsent(test.className(), k -> new double[2]);
                sum[0] += test.seconds();
                sum[1]++;
            }
        }
        List<ClassTime> classes = new ArrayList<>();
        byClass.forEach((name, sum) -> classes.add(new ClassTime(name, round(sum[0]), (int) sum[1])));
        classes.sort(Comparator.comparingDouble(ClassTime::seconds).reversed().thenComparing(ClassTime::className));
        return classes;
    }

    /** The gaps between a task's end and the next task's first test, over every worker. */
    static Overhead overhead(List<Worker> workers) {
        List<Long> gaps = new ArrayList<>();
        for (Worker w : workers) {
            List<TaskSpan> tasks = ran(w);
            for (int i = 1; i < tasks.size(); i++) {
                if (tasks.get(i).firstTestMillis() > 0) {
                    gaps.add(Math.max(
                            0, tasks.get(i).firstTestMillis() - tasks.get(i - 1).finishedMillis()));
                }
            }
        }
        gaps.sort(null);
        return new Overhead(gaps.size(), percentile(gaps, 0.5), percentile(gaps, 0.9));
    }

    /** Nearest-rank percentile of sorted values; 0 for none. */
    static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static CriticalPath criticalPath(List<Worker> workers) {
        Worker end = null;
        long endMillis = 0;
        TaskSpan longest = null;
        String longestWorker = "";
        for (Worker w : workers) {
            for (TaskSpan t : ran(w)) {
                if (t.finishedMillis() > endMillis) {
                    endMillis = t.finishedMillis();
                    end = w;
                }
                if (longest == null || t.seconds() > longest.seconds()) {
                    longest = t;
                    longestWorker = w.id();
                }
            }
        }
        if (end == null) {
            return CriticalPath.NONE;
        }
        return new CriticalPath(
                end.id(),
                ran(end).stream().map(TaskSpan::taskId).toList(),
                longest.taskId(),
                longestWorker,
                round(longest.seconds()),
                ran(end).stream().flatMap(t -> t.classes().stream()).toList());
    }

    /** A worker's finished tasks in the order it ran them. */
    private static List<TaskSpan> ran(Worker w) {
        return w.tasks().stream()
                .filter(t -> t.finishedMillis() > 0)
                .sorted(Comparator.comparingLong(TaskSpan::startedMillis))
                .toList();
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
