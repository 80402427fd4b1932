package io.cloudist.core.plan;

import java.util.List;
import java.util.function.Function;

/**
 * Units of one module that one worker runs together in one assignment.
 *
 * @param id stable id ({@code t0}, {@code t1}, … in dispatch order)
 * @param units the units, longest expected first
 * @param expectedSeconds the sum of the units' expected durations
 * @param measured true when the timing history knows every unit, so that {@code expectedSeconds} is a measure and not
 *     a guess
 * @param cpuShare how many cores it is expected to keep busy (its units' CPU time over their wall time, from the timing
 *     history); 0 when unknown
 */
public record Task(String id, List<Unit> units, double expectedSeconds, boolean measured, double cpuShare) {
    public Task {
        units = List.copyOf(units);
        if (units.isEmpty()) {
            throw new IllegalArgumentException("A task is never empty: " + id);
        }
        String module = units.get(0).module();
        if (units.stream().anyMatch(u -> !u.module().equals(module))) {
            throw new IllegalArgumentException("A task holds one module's units: " + id);
        }
    }

    /** The module whose tests the task runs; "" in a run of one module. */
    public String module() {
        return units.get(0).module();
    }

    /** A task whose expected time is a guess. */
    public Task(String id, List<Unit> units, double expectedSeconds) {
        this(id, units, expectedSeconds, false);
    }

    /** A task of unknown CPU share. */
    public Task(String id, List<Unit> units, double expectedSeconds, boolean measured) {
        this(id, units, expectedSeconds, measured, 0);
    }

    /** This task, its expected time a measure when {@code history} knows every unit, with its CPU share. */
    public Task measuredBy(TimingHistory history) {
        return measuredWith(unit -> history);
    }

    /**
     * This task measured by the history of each unit's module: its expected time a measure when the history knows
     * every unit, and its CPU share the units' shares weighted by their expected times.
     */
    public Task measuredWith(Function<Unit, TimingHistory> historyOf) {
        double weighted = 0;
        double total = 0;
        for (Unit unit : units) {
            TimingHistory history = historyOf.apply(unit);
            double seconds = history.expected(unit);
            weighted += history.cpuShare(unit) * seconds;
            total += seconds;
        }
        boolean known = units.stream().allMatch(unit -> historyOf.apply(unit).knows(unit));
        return new Task(id, units, expectedSeconds, known, total > 0 ? weighted / total : 0);
    }

    /** The unique ids to select, unit after unit. */
    public List<String> uniqueIds() {
        return units.stream().flatMap(u -> u.uniqueIds().stream()).toList();
    }

    public int tests() {
        return units.stream().mapToInt(Unit::tests).sum();
    }
}
