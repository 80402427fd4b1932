package io.cloudist.core.simulation;

import io.cloudist.core.plan.Task;
import io.cloudist.core.simulation.SimulatedWorker.PlannedTask;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The plan with free coordination: its tasks in dispatch order, each on the first worker to be free, every task
 * costing its tests' true time and the worker's overhead. With a JVM start time, a task of a module whose test JVM is
 * not warm on that worker (of its last {@value SimulatedWorker#MAX_WARM}, the heaviest module's warm from the start)
 * costs that too: what the plan's order alone costs in JVM starts, with no coordinator choosing the worker.
 */
final class PlanSchedule {
    private final List<Task> tasks;
    private final Map<String, PlannedTask> planned;
    private final int workers;
    private final String bootModule;

    PlanSchedule(List<Task> tasks, Map<String, PlannedTask> planned, int workers, String bootModule) {
        this.tasks = List.copyOf(tasks);
        this.planned = Map.copyOf(planned);
        this.workers = workers;
        this.bootModule = bootModule;
    }

    /**
     * The plan run with JVM starts of {@code jvmStartSeconds} each.
     *
     * @param makespanSeconds the simulated time by which every task has run
     * @param jvmStarts the tasks that first started a test JVM
     */
    record Result(double makespanSeconds, int jvmStarts) {}

    Result run(double jvmStartSeconds) {
        PriorityQueue<Slot> free = new PriorityQueue<>(
                Comparator.comparingDouble((Slot w) -> w.freeAt).thenComparingInt(w -> w.index));
        for (int i = 0; i < workers; i++) {
            free.add(new Slot(i, bootModule));
        }
        double end = 0;
        int starts = 0;
        for (Task t : tasks) {
            Slot w = free.poll();
            PlannedTask task = planned.get(t.id());
            boolean cold = !w.warm.remove(task.module());
            if (cold && w.warm.size() >= SimulatedWorker.MAX_WARM) {
                w.warm.remove(w.warm.iterator().next());
            }
            w.warm.add(task.module());
            starts += cold ? 1 : 0;
            w.freeAt += task.seconds() + SimulatedWorker.TASK_OVERHEAD_SECONDS + (cold ? jvmStartSeconds : 0);
            end = Math.max(end, w.freeAt);
            free.add(w);
        }
        return new Result(end, starts);
    }

    private static final class Slot {
        final int index;
        /** The modules with a warm test JVM, least recently used first. */
        final Set<String> warm = new LinkedHashSet<>();

        double freeAt;

        Slot(int index, String bootModule) {
            this.index = index;
            warm.add(bootModule);
        }
    }
}
