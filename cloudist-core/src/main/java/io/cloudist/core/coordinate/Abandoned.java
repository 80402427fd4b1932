package io.cloudist.core.coordinate;

import io.cloudist.core.plan.Task;

/**
 * A task the coordinator gave up on: its tests become errors that say why.
 *
 * @param task the task
 * @param reason why it never produced a result, as a sentence
 */
public record Abandoned(Task task, String reason) {}
