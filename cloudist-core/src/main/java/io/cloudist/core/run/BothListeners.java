package io.cloudist.core.run;

import io.cloudist.core.coordinate.CoordinatorListener;
import io.cloudist.core.plan.Task;
import io.cloudist.core.protocol.TaskResult;
import io.cloudist.core.provision.WorkerHandle;

/** Tells two listeners everything the coordinator says, first one then the other. Forwards every callback. */
record BothListeners(CoordinatorListener first, CoordinatorListener second) implements CoordinatorListener {
    @Override
    public void taskDispatched(WorkerHandle worker, Task task, int seq, int attempt) {
        first.taskDispatched(worker, task, seq, attempt);
        second.taskDispatched(worker, task, seq, attempt);
    }

    @Override
    public void taskFinished(Task task, TaskResult result) {
        first.taskFinished(task, result);
        second.taskFinished(task, result);
    }

    @Override
    public void taskMoved(Task task, WorkerHandle from, WorkerHandle to) {
        first.taskMoved(task, from, to);
        second.taskMoved(task, from, to);
    }

    @Override
    public void workerLost(WorkerHandle worker, String reason) {
        first.workerLost(worker, reason);
        second.workerLost(worker, reason);
    }

    @Override
    public void workerReplaced(WorkerHandle worker, int count, int max) {
        first.workerReplaced(worker, count, max);
        second.workerReplaced(worker, count, max);
    }

    @Override
    public void workerNotReplaced(String reason) {
        first.workerNotReplaced(reason);
        second.workerNotReplaced(reason);
    }

    @Override
    public void tick(int busyWorkers, int liveWorkers) {
        first.tick(busyWorkers, liveWorkers);
        second.tick(busyWorkers, liveWorkers);
    }
}
