package io.cloudist.core.coordinate;

import io.cloudist.core.CloudistException;
import io.cloudist.core.plan.Task;
import io.cloudist.core.protocol.Assignment;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.Heartbeat;
import io.cloudist.core.protocol.TaskResult;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hands tasks to workers through the Store, longest first, keeping each worker's next assignment queued so that it
 * never waits on a round trip (but only while there is enough work for every worker). Watches workers: the tasks of
 * a lost worker go back to the queue at once and the worker is replaced, within the run's {@link Replacements}; a
 * task that took down {@code maxAttempts} workers is abandoned. A worker that announces its eviction (a spot
 * interruption) counts as lost as soon as its heartbeat says so, and its tasks are not blamed for it. A late
 * duplicate result is ignored.
 */
public final class Coordinator {
    private final Store store;
    private final String runId;
    private final List<WorkerState> workers = new ArrayList<>();
    private final CoordinatorListener listener;
    private final CoordinatorSettings settings;
    private final Replacements replacements;
    private final Clock clock;
    private final Deque<Pending> queue = new ArrayDeque<>();
    private final Map<String, TaskResult> results = new LinkedHashMap<>();
    private final List<Abandoned> abandoned = new ArrayList<>();
    private final Set<String> done = new HashSet<>();
    private long lastLease;
    private int idlePolls;
    private int lastFinished;
    private int replaced;

    public Coordinator(
            Store store,
            String runId,
            List<WorkerHandle> handles,
            CoordinatorListener listener,
            CoordinatorSettings settings,
            Replacements replacements,
            Clock clock) {
        this.store = store;
        this.runId = runId;
        this.listener = listener;
        this.settings = settings;
        this.replacements = replacements;
        this.clock = clock;
        long now = clock.millis();
        handles.forEach(h -> workers.add(new WorkerState(h, now)));
    }

    /** The outcome of a run of the coordinator: a result per finished task and the tasks given up on. */
    public record Outcome(Map<String, TaskResult> results, List<Abandoned> abandoned) {}

    /** Runs every task to a result or abandonment, then tells every worker to stop. */
    public Outcome run(List<Task> tasks) {
        tasks.forEach(t -> queue.add(new Pending(-1, t, 1)));
        try {
            while (!queue.isEmpty() || workers.stream().anyMatch(w -> !w.outstanding.isEmpty())) {
                renewLease();
                for (WorkerState w : List.copyOf(workers)) {
                    if (!w.lost) {
                        collect(w);
                        checkAlive(w);
                    }
                }
                List<WorkerState> live = workers.stream().filter(w -> !w.lost).toList();
                if (live.isEmpty()) {
                    giveUpAll("every worker was lost, and " + replaced + " of at most " + replacements.max()
                            + " replacements (-Dcloudist.maxWorkerRestarts) were started");
                    break;
                }
                dispatch(live);
                listener.tick((int) live.stream().filter(w -> !w.outstanding.isEmpty()).count(), live.size());
                // Workers keep a queued assignment, so a slower poll while nothing happens costs them nothing.
                int finished = results.size() + abandoned.size();
                idlePolls = finished == lastFinished ? Math.min(idlePolls + 1, 4) : 0;
                lastFinished = finished;
                Thread.sleep(settings.poll().toMillis() << (idlePolls / 2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudistException("The run was interrupted", e);
        } finally {
            stopWorkers();
        }
        return new Outcome(results, abandoned);
    }

    private void dispatch(List<WorkerState> live) {
        // Keep a second assignment queued per worker only while every worker still has work coming.
        int depth = queue.size() >= live.size() ? 2 : 1;
        for (int round = 0; round < depth && !queue.isEmpty(); round++) {
            for (WorkerState w : live) {
                if (w.outstanding.size() <= round && !queue.isEmpty()) {
                    Pending next = queue.poll();
                    Pending sent = new Pending(w.nextSeq++, next.task, next.attempt);
                    store.put(
                            StoreKeys.assignment(runId, w.handle.id(), sent.seq),
                            Documents.write(Assignment.task(
                                    sent.seq, sent.task.id(), sent.attempt, sent.task.uniqueIds())));
                    w.outstanding.add(sent);
                    listener.taskDispatched(w.handle, sent.task, sent.seq, sent.attempt);
                }
            }
        }
    }

    private void collect(WorkerState w) {
        while (!w.outstanding.isEmpty()) {
            Pending head = w.outstanding.peek();
            Optional<byte[]> raw = store.get(StoreKeys.result(runId, w.handle.id(), head.seq));
            if (raw.isEmpty()) {
                return;
            }
            w.outstanding.poll();
            TaskResult result = Documents.read(raw.get(), TaskResult.class);
            if (done.add(result.taskId())) {
                results.put(result.taskId(), result);
                listener.taskFinished(head.task, result);
            }
        }
    }

    private void checkAlive(WorkerState w) {
        long now = clock.millis();
        String reason = null;
        boolean evicted = false;
        if (!w.handle.isAlive()) {
            reason = "it stopped (" + w.handle.describe() + ")";
        } else {
            Optional<byte[]> beat = Optional.empty();
            if (now - w.beatReadAt >= settings.heartbeatReadInterval().toMillis()) {
                w.beatReadAt = now;
                beat = store.get(StoreKeys.heartbeat(runId, w.handle.id()));
            }
            Heartbeat heartbeat = beat.map(b -> Documents.read(b, Heartbeat.class)).orElse(null);
            if (heartbeat != null && heartbeat.timeMillis() != w.lastBeat) {
                w.lastBeat = heartbeat.timeMillis();
                w.lastBeatSeenAt = now;
                w.booted = true;
            }
            long silent = now - w.lastBeatSeenAt;
            if (heartbeat != null && heartbeat.evicting()) {
                evicted = true;
                reason = "it is being evicted (" + (heartbeat.evictionReason().isEmpty() ? "no reason given"
                        : heartbeat.evictionReason()) + "; " + w.handle.describe() + ")";
            } else if (w.booted && silent > settings.heartbeatTimeout().toMillis()) {
                reason = "its heartbeat lapsed " + silent / 1000 + " s ago (" + w.handle.describe() + ")";
            } else if (!w.booted && silent > settings.bootTimeout().toMillis()) {
                reason = "it did not start within " + silent / 1000 + " s (" + w.handle.describe() + ")";
            }
        }
        if (reason != null) {
            lose(w, reason, !evicted);
            replace();
        }
    }

    /**
     * Gives up on a worker and puts its tasks back at the front of the queue. The task it was running counts as an
     * attempt that took the worker down, unless the worker went away for a reason of its own ({@code blameTask}
     * false: an eviction).
     */
    private void lose(WorkerState w, String reason, boolean blameTask) {
        w.lost = true;
        w.handle.terminate();
        collect(w);
        boolean inProgress = blameTask;
        List<Pending> requeue = new ArrayList<>();
        for (Pending p : w.outstanding) {
            int attempt = inProgress ? p.attempt + 1 : p.attempt;
            inProgress = false;
            if (done.contains(p.task.id())) {
                continue;
            }
            if (attempt > settings.maxAttempts()) {
                done.add(p.task.id());
                abandoned.add(new Abandoned(p.task, "its task took down " + settings.maxAttempts()
                        + " workers; the last one: " + reason));
            } else {
                requeue.add(new Pending(-1, p.task, attempt));
            }
        }
        w.outstanding.clear();
        for (int i = requeue.size() - 1; i >= 0; i--) {
            queue.addFirst(requeue.get(i));
        }
        listener.workerLost(w.handle, reason);
    }

    /** Starts a worker in place of a lost one while work remains and the run's replacement budget lasts. */
    private void replace() {
        boolean workLeft = !queue.isEmpty() || workers.stream().anyMatch(w -> !w.outstanding.isEmpty());
        if (!workLeft || replaced >= replacements.max()) {
            return;
        }
        replaced++;
        try {
            long now = clock.millis();
            for (WorkerHandle handle : replacements.supply().start(1)) {
                if (workers.stream().anyMatch(w -> w.handle.id().equals(handle.id()))) {
                    // Its keys in this run are taken: a worker cannot join the same run twice.
                    listener.workerNotReplaced("worker " + handle.id() + " already worked for this run");
                    continue;
                }
                workers.add(new WorkerState(handle, now));
                listener.workerReplaced(handle, replaced, replacements.max());
            }
        } catch (RuntimeException e) {
            listener.workerNotReplaced(e.getMessage());
        }
    }

    private void giveUpAll(String reason) {
        for (Pending p : queue) {
            if (done.add(p.task.id())) {
                abandoned.add(new Abandoned(p.task, "it never ran: " + reason));
            }
        }
        queue.clear();
    }

    private void renewLease() {
        long now = clock.millis();
        if (now - lastLease >= 5_000) {
            lastLease = now;
            store.put(StoreKeys.lease(runId), Long.toString(now).getBytes(StandardCharsets.UTF_8));
        }
    }

    private void stopWorkers() {
        for (WorkerState w : workers) {
            if (!w.lost) {
                try {
                    store.put(StoreKeys.assignment(runId, w.handle.id(), w.nextSeq), Documents.write(Assignment.stop(w.nextSeq)));
                } catch (RuntimeException e) {
                    w.handle.terminate();
                }
            }
        }
    }

    private record Pending(int seq, Task task, int attempt) {}

    private static final class WorkerState {
        final WorkerHandle handle;
        final Deque<Pending> outstanding = new ArrayDeque<>();
        int nextSeq;
        boolean lost;
        boolean booted;
        long lastBeat = -1;
        long lastBeatSeenAt;
        long beatReadAt;

        WorkerState(WorkerHandle handle, long now) {
            this.handle = handle;
            this.lastBeatSeenAt = now;
        }
    }
}
