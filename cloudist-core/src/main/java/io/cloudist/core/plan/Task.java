package io.cloudist.core.plan;

import java.util.List;
import java.util.function.Predicate;

/**
 * Units of one module that one worker runs together in one assignment.
 *
 * @param id stable id ({@code t0}, {@code t1}, … in dispatch order)
 * @param units the units, longest expected first
 * @param expectedSeconds the sum of the units' expected durations
 * @param measured true when the timing history knows every unit, so that {@code expectedSeconds} is a measure and not
 *     a guess
 */
public record Task(String id, List<Unit> units, double expectedSeconds, boolean measured) {
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

    /** This task, its expected time a measure when {@code history} knows every unit. */
    public Task measuredBy(TimingHistory history) {
        return measuredBy(history::knows);
    }

    /** This task, its expected time a measure when {@code knows} is true of every unit. */
    public Task measuredBy(Predicate<Unit> knows) {
        return new Task(id, units, expectedSeconds, units.stream().allMatch(knows));
    }

    /** The unique ids to select, unit after unit. */
    public List<String> uniqueIds() {
        return units.stream().flatMap(u -> u.uniqueIds().stream()).toList();
    }

    public int tests() {
        return units.stream().mapToInt(Unit::tests).sum();
    }
}
