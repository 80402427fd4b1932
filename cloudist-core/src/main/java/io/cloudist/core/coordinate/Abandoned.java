package io.cloudist.core.coordinate;

import io.cloudist.core.plan.Task;

/**
 * A task the coordinator gave up on: its tests become errors that say why, or, for a task withdrawn on purpose,
 * skipped tests.
 *
 * @param task the task
 * @param reason why it never produced a result, as a sentence
 * @param skipped the task was withdrawn on purpose ({@code skipAfterFailureCount}): its tests are skipped, not errors
 */
public record Abandoned(Task task, String reason, boolean skipped) {
    /** A task given up on: its tests become errors. */
    public Abandoned(Task task, String reason) {
        this(task, reason, false);
    }
}
