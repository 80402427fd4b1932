package io.cloudist.core.coordinate;

import java.util.Collection;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Which queued task a worker takes next. The queue's order, longest first, keeps the run short; a worker keeps to few
 * modules where that costs nothing in the run's length: it takes the next task of its lane ({@link Lanes}), else the
 * first of a module whose test JVM it keeps warm, among the tasks the round hands out to the workers wanting one anyway
 * or further back among those nearly as long as the head of the queue (at least {@value #NEARLY_AS_LONG} of it),
 * which the head then swaps places with. A long task is never put off behind a shorter one, only behind one nearly as
 * long.
 */
final class TaskChoice {
    /** How long, as a share of the head of the queue, a task further back must be to be taken first. */
    static final double NEARLY_AS_LONG = 0.9;

    private TaskChoice() {}

    /**
     * The task to take next from {@code queue} (not empty, longest first).
     *
     * @param window how many tasks at the head of the queue this round hands out anyway
     * @param planned whether a task is the next of the worker's lane
     * @param warm whether a task is of a module whose test JVM the worker keeps warm
     * @param seconds a task's expected time
     */
    static <T> T next(
            Collection<T> queue, int window, Predicate<T> planned, Predicate<T> warm, ToDoubleFunction<T> seconds) {
        T head = queue.iterator().next();
        double nearly = seconds.applyAsDouble(head) * NEARLY_AS_LONG;
        T firstWarm = null;
        int seen = 0;
        for (T task : queue) {
            boolean handedOutAnyway = seen++ < window;
            if (!handedOutAnyway && seconds.applyAsDouble(task) < nearly) {
                break;
            }
            if (planned.test(task)) {
                return task;
            }
            if (firstWarm == null && warm.test(task)) {
                firstWarm = task;
            }
        }
        return firstWarm != null ? firstWarm : head;
    }
}
