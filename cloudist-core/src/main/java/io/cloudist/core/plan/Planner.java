package io.cloudist.core.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.ToDoubleFunction;

/**
 * Packs units into about {@code workers × tasksPerWorker} tasks of roughly equal expected time (longest unit first
 * into the lightest task), then orders the tasks longest first. Never an empty task, never more tasks than units;
 * a unit larger than a task stays whole.
 */
public final class Planner {
    private Planner() {}

    public static List<Task> plan(List<Unit> units, int workers, int tasksPerWorker, ToDoubleFunction<Unit> expected) {
        if (units.isEmpty()) {
            return List.of();
        }
        int taskCount = (int) Math.min(units.size(), (long) workers * tasksPerWorker);
        List<Unit> longestFirst = new ArrayList<>(units);
        longestFirst.sort(Comparator.comparingDouble(expected).reversed().thenComparing(Unit::key));

        PriorityQueue<Bin> bins = new PriorityQueue<>(
                Comparator.comparingDouble((Bin b) -> b.seconds).thenComparingInt(b -> b.order));
        for (int i = 0; i < taskCount; i++) {
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
        List<Task> tasks = new ArrayList<>();
        for (Bin bin : ordered) {
            tasks.add(new Task("t" + tasks.size(), bin.units, bin.seconds));
        }
        return tasks;
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
