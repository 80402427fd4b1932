package io.cloudist.core.plan;

import java.util.List;

/**
 * Units that one worker runs together in one assignment.
 *
 * @param id stable id ({@code t0}, {@code t1}, … in dispatch order)
 * @param units the units, longest expected first
 * @param expectedSeconds the sum of the units' expected durations
 */
public record Task(String id, List<Unit> units, double expectedSeconds) {
    public Task {
        units = List.copyOf(units);
        if (units.isEmpty()) {
            throw new IllegalArgumentException("A task is never empty: " + id);
        }
    }

    /** The unique ids to select, unit after unit. */
    public List<String> uniqueIds() {
        return units.stream().flatMap(u -> u.uniqueIds().stream()).toList();
    }

    public int tests() {
        return units.stream().mapToInt(Unit::tests).sum();
    }
}
