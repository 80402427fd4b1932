package io.cloudist.core.coordinate;

import io.cloudist.core.plan.Task;
import io.cloudist.core.protocol.TaskResult;
import io.cloudist.core.provision.WorkerHandle;

/** What the coordinator tells the rest of the run. Called on the coordinator's thread. */
public interface CoordinatorListener {
    /** The coordinator wrote assignment {@code seq} for a worker: the task's {@code attempt}-th try. */
    default void taskDispatched(WorkerHandle worker, Task task, int seq, int attempt) {}

    /** A task's first valid result arrived (duplicates are not reported). */
    default void taskFinished(Task task, TaskResult result) {}

    /** A worker is gone; its tasks were re-queued. */
    default void workerLost(WorkerHandle worker, String reason) {}

    /** A worker was started in place of a lost one: the {@code count}-th of at most {@code max}. */
    default void workerReplaced(WorkerHandle worker, int count, int max) {}

    /** Starting a replacement for a lost worker failed; the run goes on with the workers it has. */
    default void workerNotReplaced(String reason) {}

    /** A queued task went from a busy worker to an idle one. */
    default void taskMoved(Task task, WorkerHandle from, WorkerHandle to) {}

    /** Called every poll with the number of workers running a task. */
    default void tick(int busyWorkers, int liveWorkers) {}
}
