package io.cloudist.core.coordinate;

import io.cloudist.core.plan.Task;
import java.util.List;

/**
 * The cores that local workers share ({@link Coordinator#sharingCores}): a task fits next to the tasks the other
 * workers run when its expected CPU share is within the cores they leave free.
 *
 * @param cores the machine's cores; 0 when the workers do not share one machine
 */
record SharedCores(int cores) {
    /** Workers that do not share cores: every task fits. */
    static final SharedCores NONE = new SharedCores(0);

    /** How far, in cores, a task's expected CPU share may go past the free cores and still fit (measures vary). */
    private static final double SLACK = 0.25;

    boolean shared() {
        return cores > 0;
    }

    /** The cores that the running tasks of the workers other than {@code w} are expected to leave free. */
    double free(WorkerState w, List<WorkerState> workers) {
        double busy = 0;
        for (WorkerState other : workers) {
            Pending running = other.outstanding.peekFirst();
            if (other != w && !other.lost && running != null) {
                busy += running.task().cpuShare();
            }
        }
        return cores - busy;
    }

    boolean fits(Task task, double free) {
        return !shared() || task.cpuShare() <= free + SLACK;
    }
}
