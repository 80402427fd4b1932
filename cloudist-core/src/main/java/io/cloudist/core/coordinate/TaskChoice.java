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
 * long. On a machine whose workers share its cores, a task that would compute next to others computing without a core
 * for it gives way, on the same terms, to one that fits.
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
        return next(queue, window, planned, warm, seconds, task -> true);
    }

    /**
     * The task to take next as above, among those that {@code fits} where there is one: a task that would compute
     * next to others computing on a machine without a core for it takes twice as long, so one that waits more than it
     * computes takes its place when it is nearly as long (a sleeping class shares the cores instead).
     *
     * @param fits whether a task's CPU share fits in the cores the worker's machine has free
     */
    static <T> T next(
            Collection<T> queue,
            int window,
            Predicate<T> planned,
            Predicate<T> warm,
            ToDoubleFunction<T> seconds,
            Predicate<T> fits) {
        T head = queue.iterator().next();
        double nearly = seconds.applyAsDouble(head) * NEARLY_AS_LONG;
        T firstPlanned = null;
        T firstWarm = null;
        T firstWarmFitting = null;
        T firstFitting = null;
        int seen = 0;
        for (T task : queue) {
            boolean handedOutAnyway = seen++ < window;
            if (!handedOutAnyway && seconds.applyAsDouble(task) < nearly) {
                break;
            }
            boolean fitting = fits.test(task);
            if (planned.test(task)) {
                if (fitting) {
                    return task;
                }
                firstPlanned = firstPlanned == null ? task : firstPlanned;
            }
            if (warm.test(task)) {
                firstWarm = firstWarm == null ? task : firstWarm;
                firstWarmFitting = firstWarmFitting == null && fitting ? task : firstWarmFitting;
            }
            firstFitting = firstFitting == null && fitting ? task : firstFitting;
        }
        if (firstWarmFitting != null) {
            return firstWarmFitting;
        }
        if (firstFitting != null) {
            return firstFitting;
        }
        return firstPlanned != null ? firstPlanned : firstWarm != null ? firstWarm : head;
    }
}
