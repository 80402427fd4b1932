package io.cloudist.core.coordinate;

import io.cloudist.core.plan.Task;

/**
 * A task waiting in the queue ({@code seq} -1) or handed to a worker as its assignment {@code seq}: its
 * {@code attempt}-th try.
 */
record Pending(int seq, Task task, int attempt) {}
