package io.cloudist.core.plan;

import java.util.List;

/**
 * Units that one worker runs together in one assignment.
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
    }

    /** A task whose expected time is a guess. */
    public Task(String id, List<Unit> units, double expectedSeconds) {
        this(id, units, expectedSeconds, false);
    }

    /** This task, its expected time a measure when {@code history} knows every unit. */
    public Task measuredBy(TimingHistory history) {
        return new Task(id, units, expectedSeconds, units.stream().allMatch(history::knows));
    }

    /** The unique ids to select, unit after unit. */
    public List<String> uniqueIds() {
        return units.stream().flatMap(u -> u.uniqueIds().stream()).toList();
    }

    public int tests() {
        return units.stream().mapToInt(Unit::tests).sum();
    }
}
