package io.cloudist.core.simulation;

import io.cloudist.core.coordinate.CoordinatorListener;
import io.cloudist.core.plan.Task;
import io.cloudist.core.protocol.TaskResult;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.timeline.TimelineRecorder;

/**
 * What the coordinator did, as its listener hears it (on the coordinator's thread): its polls, the workers it lost,
 * the tasks it moved, and how many assignments each poll wrote, which is how many queued tasks it could choose among
 * by module. It passes what it hears on to the run's timeline, as a run's listeners do.
 */
final class CoordinatorTally implements CoordinatorListener {
    private final TimelineRecorder timeline;
    private long polls;
    private long lost;
    private long moves;
    private int dispatchedThisPoll;
    private int firstPollAssignments = -1;
    private long laterAssignments;
    private long laterPollsAssigning;

    CoordinatorTally(TimelineRecorder timeline) {
        this.timeline = timeline;
    }

    @Override
    public void taskDispatched(WorkerHandle worker, Task task, int seq, int attempt) {
        dispatchedThisPoll++;
        timeline.taskDispatched(worker, task, seq, attempt);
    }

    @Override
    public void taskFinished(Task task, TaskResult result) {
        timeline.taskFinished(task, result);
    }

    @Override
    public void taskMoved(Task task, WorkerHandle from, WorkerHandle to) {
        moves++;
        timeline.taskMoved(task, from, to);
    }

    @Override
    public void workerLost(WorkerHandle worker, String reason) {
        lost++;
        timeline.workerLost(worker, reason);
    }

    @Override
    public void tick(int busyWorkers, int liveWorkers) {
        polls++;
        if (firstPollAssignments < 0) {
            firstPollAssignments = dispatchedThisPoll;
        } else if (dispatchedThisPoll > 0) {
            laterAssignments += dispatchedThisPoll;
            laterPollsAssigning++;
        }
        dispatchedThisPoll = 0;
    }

    long polls() {
        return polls;
    }

    long lost() {
        return lost;
    }

    /**
     * Queued tasks the coordinator gave to an idle worker. Each may run twice: its first worker skips it when it reads
     * it as moved, but runs it when it took it in the moment before.
     */
    long moves() {
        return moves;
    }

    /** The assignments the first poll wrote: two per worker, when there are enough tasks. */
    int firstPollAssignments() {
        return firstPollAssignments;
    }

    /** The mean number of assignments a later poll wrote, of the polls that wrote any. */
    double assignmentsPerLaterPoll() {
        return laterPollsAssigning == 0 ? 0 : (double) laterAssignments / laterPollsAssigning;
    }
}
