package io.cloudist.core.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.ToDoubleFunction;

/**
 * Packs units into tasks of roughly equal expected time (longest unit first into the lightest task), then orders the
 * tasks longest first, the order in which workers take them. How many tasks: about {@code workers × tasksPerWorker},
 * or, with a target task length, about the total expected time divided by that target (never fewer than
 * {@code workers}). Never an empty task, never more tasks than units; a unit larger than a task stays whole, alone
 * in its task.
 *
 * <p>The last round, one task per worker, is made of the shortest units and split into {@value #TAIL_SPLIT} times as
 * many smaller tasks (at most {@value #MAX_TAIL_EXTRA} more) at the end of the queue: the long units all start early,
 * and workers run out of work within about a quarter of a task of each other instead of a whole one, for a few more
 * hand-overs.
 *
 * <p>Units of several modules (a reactor's run) are planned together, longest first across all of them, but a task
 * holds one module's units: each module gets a share of the tasks in proportion to its expected time (at least one),
 * and the shortest tasks of the whole plan make the last round, split as above.
 */
public final class Planner {
    /** How many smaller tasks each task of the last round becomes. */
    static final int TAIL_SPLIT = 4;

    /**
     * The most tasks the split adds. Every task costs the coordinator a hand-over, and with many workers their
     * numbers even out the end of the run anyway: the scale simulation's 1,000 workers took 103 s with the full
     * split (3,000 more tasks) and 85 s without it.
     */
    static final int MAX_TAIL_EXTRA = 64;

    /**
     * What a test costs a run beyond its own time: its discovery in the test JVM, its events, its result read and
     * reported. On Apache Commons Collections (70,367 tests, two local workers on two cores) a task took 0.15–0.2 ms
     * a test longer than its tests' times; its 53,901-test parameterized class, measured at 4.8 s, kept its task
     * 13.5 s. A suite of few, long tests does not notice it; one of many short tests is planned by it.
     */
    public static final double SECONDS_PER_TEST = 0.00015;

    private Planner() {}

    /** A unit's measured (or guessed) time, and what its tests cost the run on top: {@link #SECONDS_PER_TEST} each. */
    public static ToDoubleFunction<Unit> withTestCost(ToDoubleFunction<Unit> measured) {
        return unit -> measured.applyAsDouble(unit) + unit.tests() * SECONDS_PER_TEST;
    }

    /** Plans about {@code workers × tasksPerWorker} tasks. */
    public static List<Task> plan(List<Unit> units, int workers, int tasksPerWorker, ToDoubleFunction<Unit> expected) {
        return plan(units, workers, tasksPerWorker, 0, expected);
    }

    /**
     * Plans tasks of about {@code targetTaskSeconds} expected seconds each, or, when it is 0, about
     * {@code workers × tasksPerWorker} tasks.
     *
     * @param targetTaskSeconds the expected length of one task in seconds; 0 to count tasks by {@code tasksPerWorker}
     */
    public static List<Task> plan(
            List<Unit> units,
            int workers,
            int tasksPerWorker,
            double targetTaskSeconds,
            ToDoubleFunction<Unit> expected) {
        return plan(units, workers, tasksPerWorker, targetTaskSeconds, expected, Comparator.comparing(Unit::key));
    }

    /**
     * Plans as {@link #plan(List, int, int, double, ToDoubleFunction)} does, ordering units of equal expected time by
     * {@code tieBreak} (Surefire's {@code runOrder}).
     */
    public static List<Task> plan(
            List<Unit> units,
            int workers,
            int tasksPerWorker,
            double targetTaskSeconds,
            ToDoubleFunction<Unit> expected,
            Comparator<Unit> tieBreak) {
        if (units.isEmpty()) {
            return List.of();
        }
        long wanted = targetTaskSeconds > 0
                ? Math.max(workers, tasksOf(units, targetTaskSeconds, expected))
                : (long) workers * tasksPerWorker;
        int taskCount = (int) Math.min(units.size(), wanted);
        Map<String, List<Unit>> byModule = new LinkedHashMap<>();
        units.forEach(u ->
                byModule.computeIfAbsent(u.module(), k -> new ArrayList<>()).add(u));
        if (byModule.size() > 1) {
            return tasks(across(byModule, taskCount, workers, expected, tieBreak), expected);
        }
        List<List<Unit>> packed = new ArrayList<>();
        List<Unit> shortestFirst = new ArrayList<>(units);
        shortestFirst.sort(Comparator.comparingDouble(expected).thenComparing(tieBreak.reversed()));
        int tail = taskCount > workers ? tailSize(shortestFirst, (double) workers / taskCount, expected) : 0;
        if (tail == 0) {
            packed.addAll(pack(units, taskCount, expected, tieBreak));
        } else {
            List<Unit> main = shortestFirst.subList(tail, shortestFirst.size());
            packed.addAll(pack(main, Math.min(main.size(), taskCount - workers), expected, tieBreak));
            int tailTasks = Math.max(workers, Math.min(workers * TAIL_SPLIT, workers + MAX_TAIL_EXTRA));
            packed.addAll(pack(shortestFirst.subList(0, tail), Math.min(tail, tailTasks), expected, tieBreak));
        }
        return tasks(packed, expected);
    }

    private static List<Task> tasks(List<List<Unit>> packed, ToDoubleFunction<Unit> expected) {
        List<Task> tasks = new ArrayList<>();
        for (List<Unit> task : packed) {
            tasks.add(new Task("t" + tasks.size(), task, seconds(task, expected)));
        }
        return tasks;
    }

    private static double seconds(List<Unit> units, ToDoubleFunction<Unit> expected) {
        return units.stream().mapToDouble(expected).sum();
    }

    /**
     * The tasks of several modules: each module's units packed into its share of {@code taskCount} (by expected
     * time, at least one task, at most one per unit), all of them longest first, and the shortest tasks that make up
     * the last round's share of the time split into up to {@value #TAIL_SPLIT} smaller ones each.
     */
    private static List<List<Unit>> across(
            Map<String, List<Unit>> byModule,
            int taskCount,
            int workers,
            ToDoubleFunction<Unit> expected,
            Comparator<Unit> tieBreak) {
        double total = byModule.values().stream()
                .mapToDouble(u -> seconds(u, expected))
                .sum();
        int unitCount = byModule.values().stream().mapToInt(List::size).sum();
        List<List<Unit>> bins = new ArrayList<>();
        for (List<Unit> units : byModule.values()) {
            double share = total > 0 ? seconds(units, expected) / total : (double) units.size() / unitCount;
            int count = (int) Math.max(1, Math.min(units.size(), Math.round(taskCount * share)));
            bins.addAll(pack(units, count, expected, tieBreak));
        }
        Comparator<List<Unit>> longestFirst = Comparator.comparingDouble((List<Unit> b) -> seconds(b, expected))
                .reversed();
        bins.sort(longestFirst);
        if (bins.size() <= workers) {
            return bins;
        }
        double budget = total * workers / bins.size();
        int extra = Math.min(workers * (TAIL_SPLIT - 1), MAX_TAIL_EXTRA);
        double tail = 0;
        List<List<Unit>> split = new ArrayList<>(bins.subList(0, 1));
        for (int i = bins.size() - 1; i >= 1; i--) {
            List<Unit> bin = bins.get(i);
            tail += seconds(bin, expected);
            if (tail > budget) {
                split.addAll(bins.subList(1, i + 1));
                break;
            }
            int pieces = Math.min(bin.size(), Math.min(TAIL_SPLIT, 1 + extra));
            split.addAll(pieces <= 1 ? List.of(bin) : pack(bin, pieces, expected, tieBreak));
            extra -= pieces - 1;
        }
        split.sort(longestFirst);
        return split;
    }

    /**
     * How many of the shortest units make up {@code share} of the total expected time (the last round's share),
     * never all of them: the work left for the end of the run.
     */
    private static int tailSize(List<Unit> shortestFirst, double share, ToDoubleFunction<Unit> expected) {
        double budget = shortestFirst.stream().mapToDouble(expected).sum() * share;
        double seconds = 0;
        int size = 0;
        while (size < shortestFirst.size() - 1) {
            seconds += expected.applyAsDouble(shortestFirst.get(size));
            if (seconds > budget) {
                break;
            }
            size++;
        }
        return size;
    }

    /**
     * Longest unit first into the lightest of {@code count} bins (of equally light ones, the one with fewest units, so
     * that units measured at 0 s spread out too); the bins longest first.
     */
    private static List<List<Unit>> pack(
            List<Unit> units, int count, ToDoubleFunction<Unit> expected, Comparator<Unit> tieBreak) {
        List<Unit> longestFirst = new ArrayList<>(units);
        longestFirst.sort(Comparator.comparingDouble(expected).reversed().thenComparing(tieBreak));
        PriorityQueue<Bin> bins = new PriorityQueue<>(Comparator.comparingDouble((Bin b) -> b.seconds)
                .thenComparingInt(b -> b.units.size())
                .thenComparingInt(b -> b.order));
        for (int i = 0; i < count; i++) {
            bins.add(new Bin(i));
        }
        for (Unit unit : longestFirst) {
            Bin lightest = bins.poll();
            lightest.units.add(unit);
            lightest.seconds += expected.applyAsDouble(unit);
            bins.add(lightest);
        }
        List<Bin> ordered = new ArrayList<>(bins);
        ordered.sort(Comparator.comparingDouble((Bin b) -> b.seconds).reversed().thenComparingInt(b -> b.order));
        return ordered.stream().map(b -> b.units).toList();
    }

    /**
     * Enough tasks that their average is at most the target. A unit longer than the target then always lands in a
     * task of its own: while units are placed, the lightest task is below the average, so below the target.
     */
    private static long tasksOf(List<Unit> units, double targetTaskSeconds, ToDoubleFunction<Unit> expected) {
        double total = units.stream().mapToDouble(expected).sum();
        return Math.max(1, (long) Math.ceil(total / targetTaskSeconds));
    }

    private static final class Bin {
        final int order;
        final List<Unit> units = new ArrayList<>();
        double seconds;

        Bin(int order) {
            this.order = order;
        }
    }
}
