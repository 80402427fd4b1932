package io.cloudist.core.coordinate;

import io.cloudist.core.CloudistException;
import io.cloudist.core.CloudistParameters;
import io.cloudist.core.plan.Task;
import io.cloudist.core.protocol.Assignment;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.Heartbeat;
import io.cloudist.core.protocol.TaskResult;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import io.cloudist.core.store.StoreOutageException;
import io.cloudist.core.store.StoreWatch;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Hands tasks to workers through the Store, longest first, keeping each worker's next assignment queued so that it
 * never waits on a round trip; when the queue is empty, an idle worker takes a queued assignment of a busy one. In a
 * reactor's run it lays the tasks out in a lane per worker that keeps each worker on few modules ({@link Lanes}),
 * follows which modules' test JVMs each worker keeps warm, and hands a worker the next task of its lane, else one of a
 * warm module, where that costs nothing in the run's length ({@link TaskChoice}).
 * It reads only the worker documents that changed ({@link WorkerDocuments}): each look at the store is one listing of
 * versions, taken when the store tells of a change (a local directory) or every poll (S3).
 * Watches workers: the tasks of a lost worker go back to the queue at once and the worker is replaced, within the
 * run's {@link Replacements}; a task that took down {@code maxAttempts} workers is abandoned. A worker that announces its eviction (a spot
 * interruption) counts as lost as soon as its heartbeat says so, and its tasks are not blamed for it. A late
 * duplicate result is ignored. With {@code skipAfterFailureCount}, once that many tests failed or erred, the tasks not
 * handed out yet are withdrawn and their tests skipped, as Surefire skips the rest of a run; assignments already
 * handed out still run.
 */
public final class Coordinator {
    /** Assignments written ahead per worker: the one it runs and the next. */
    private static final int QUEUE_DEPTH = 2;
    /**
     * The longest the coordinator waits for a change when the store tells it of changes: it still looks for lost
     * workers (a stopped process, a lapsed heartbeat) and an aborted build this often.
     */
    static final Duration NOTIFIED_WAIT = Duration.ofSeconds(1);

    private final Store store;
    private final String runId;
    private final List<WorkerState> workers = new ArrayList<>();
    private final CoordinatorListener listener;
    private final CoordinatorSettings settings;
    private final Replacements replacements;
    private final Clock clock;
    private final FailureBudget failures;
    private final Deque<Pending> queue = new ArrayDeque<>();
    private final Map<String, TaskResult> results = new LinkedHashMap<>();
    private final List<Abandoned> abandoned = new ArrayList<>();
    private final Set<String> done = new HashSet<>();

    private final WorkerDocuments documents;
    private StoreRequests requests;
    private Lanes lanes = Lanes.none();
    private boolean oneModule;
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
        this(store, runId, handles, listener, settings, replacements, clock, 0);
    }

    /** @param skipAfterFailureCount failed tests after which the tasks not handed out yet are skipped; 0 for never */
    public Coordinator(
            Store store,
            String runId,
            List<WorkerHandle> handles,
            CoordinatorListener listener,
            CoordinatorSettings settings,
            Replacements replacements,
            Clock clock,
            int skipAfterFailureCount) {
        this.failures = new FailureBudget(skipAfterFailureCount);
        this.store = store;
        this.runId = runId;
        this.listener = listener;
        this.settings = settings;
        this.replacements = replacements;
        this.clock = clock;
        this.documents = new WorkerDocuments(runId, QUEUE_DEPTH);
        long now = clock.millis();
        handles.forEach(h -> add(new WorkerState(h, runId, now, bootModule, workers.size())));
    }

    private void add(WorkerState w) {
        workers.add(w);
        documents.add(w);
    }

    /**
     * The outcome of a run of the coordinator: a result per finished task and the tasks given up on.
     *
     * @param storeOutage why the run stopped early because the store stayed unreachable longer than its budget; empty
     *     when it did not
     */
    public record Outcome(Map<String, TaskResult> results, List<Abandoned> abandoned, String storeOutage) {
        public Outcome(Map<String, TaskResult> results, List<Abandoned> abandoned) {
            this(results, abandoned, "");
        }
    }

    /** Runs every task to a result or abandonment, then tells every worker to stop. */
    public Outcome run(List<Task> tasks) {
        tasks.forEach(t -> queue.add(new Pending(-1, t, 1)));
        lanes = Lanes.of(tasks, workers.size(), bootModule);
        oneModule = tasks.stream().map(Task::module).distinct().count() < 2;
        // A store that tells of changes is a local directory: its requests take microseconds, on this thread.
        try (LeaseKeeper lease = new LeaseKeeper(store, runId, clock);
                StoreWatch watch = store.watch(documents.prefix());
                StoreRequests io = watch.notifies() ? StoreRequests.inline(store) : StoreRequests.parallel(store)) {
            requests = io;
            try {
                coordinate(watch);
            } finally {
                stopWorkers();
            }
        }
        return new Outcome(results, abandoned, storeOutage);
    }

    private void coordinate(StoreWatch watch) {
        try {
            Duration wait = Duration.ZERO;
            while (!queue.isEmpty() || workers.stream().anyMatch(w -> !w.outstanding.isEmpty())) {
                if (aborting.getAsBoolean()) {
                    throw new CloudistException("The run was stopped");
                }
                watch.await(wait);
                documents.note(watch.next(), clock.millis());
                Map<String, Optional<byte[]>> fetched = requests.getAll(documents.toRead(
                        workers,
                        clock.millis(),
                        settings.heartbeatReadInterval().toMillis()));
                for (WorkerState w : List.copyOf(workers)) {
                    if (!w.lost) {
                        collect(w, fetched, false);
                        checkAlive(w, fetched);
                    }
                }
                List<WorkerState> live = workers.stream().filter(w -> !w.lost).toList();
                if (live.isEmpty()) {
                    giveUpAll("every worker was lost, and " + replaced + " of at most " + replacements.max()
                            + " replacements (" + CloudistParameters.MAX_WORKER_RESTARTS.option() + ") were started");
                    break;
                }
                dispatch(live);
                requests.awaitPuts();
                listener.tick(
                        (int) live.stream()
                                .filter(w -> !w.outstanding.isEmpty())
                                .count(),
                        live.size());
                // Workers keep a queued assignment, so a slower poll while nothing happens costs them nothing.
                int finished = results.size() + abandoned.size();
                idlePolls = finished == lastFinished ? Math.min(idlePolls + 1, 4) : 0;
                lastFinished = finished;
                wait = watch.notifies() ? NOTIFIED_WAIT : settings.poll().multipliedBy(1L << (idlePolls / 2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudistException("The run was interrupted", e);
        } catch (StoreOutageException e) {
            // What finished is kept and reported; the rest cannot be run or read without the store.
            storeOutage = e.getMessage();
            for (WorkerState w : workers) {
                for (Pending p : w.outstanding) {
                    if (done.add(p.task().id())) {
                        abandoned.add(new Abandoned(p.task(), "its result could not be read: " + storeOutage));
                    }
                }
                w.outstanding.clear();
            }
            giveUpAll(storeOutage);
        }
    }

    private void dispatch(List<WorkerState> live) {
        // Every worker keeps its next assignment queued, so it never waits on a round trip; at the end of the run an
        // idle worker takes a queued one from a busy worker.
        for (int round = 0; round < QUEUE_DEPTH && !queue.isEmpty(); round++) {
            int r = round;
            List<WorkerState> wanting =
                    live.stream().filter(w -> w.outstanding.size() <= r).toList();
            for (int i = 0; i < wanting.size() && !queue.isEmpty(); i++) {
                send(wanting.get(i), next(wanting.get(i), wanting.size() - i));
            }
        }
        if (queue.isEmpty()) {
            requests.awaitPuts(); // a queued assignment taken from a worker is written after the assignment itself
            steal(live);
        }
    }

    /**
     * The next task for {@code w}: the head of the queue, or one of a module whose test JVM {@code w} keeps warm, which
     * needs no other test JVM started, where that costs nothing in the run's length (see {@link TaskChoice}); the first
     * {@code window} queued tasks are those this round hands out to the workers wanting one anyway.
     */
    private Pending next(WorkerState w, int window) {
        String planned = lanes.next(w.lane);
        // A run of one module on workers that do not share cores takes the queue's order: TaskChoice would pick the
        // head, after a look through the window (for each of a thousand workers on the first poll).
        if (oneModule && !cores.shared()) {
            Pending head = queue.peekFirst();
            queue.removeFirstOccurrence(head);
            lanes.taken(head.task().id());
            return head;
        }
        double coresFree = cores.free(w, workers);
        Pending next = TaskChoice.next(
                queue,
                window,
                p -> p.task().id().equals(planned),
                p -> w.warm.isWarm(p.task().module()),
                p -> p.task().expectedSeconds(),
                p -> cores.fits(p.task(), coresFree));
        queue.removeFirstOccurrence(next);
        lanes.taken(next.task().id());
        return next;
    }

    private void send(WorkerState w, Pending next) {
        Pending sent = new Pending(w.nextSeq++, next.task(), next.attempt());
        requests.put(
                StoreKeys.assignment(runId, w.handle.id(), sent.seq()),
                Documents.write(Assignment.task(
                        sent.seq(),
                        sent.task().id(),
                        sent.attempt(),
                        sent.task().uniqueIds(),
                        sent.task().measured() ? sent.task().expectedSeconds() : 0,
                        sent.task().module())));
        w.outstanding.add(sent);
        w.warm.use(sent.task().module());
        listener.taskDispatched(w.handle, sent.task(), sent.seq(), sent.attempt());
    }

    /**
     * Lets each idle worker that has shown it is up take the longest queued (not yet started) assignment of a busy
     * worker: the queued one is overwritten with "moved", which its worker skips. A worker that read it in the
     * moment before runs it too; the first result wins. The workers idle for the shortest time go first: a worker's
     * pauses between looks for its next assignment grow while it waits ({@link io.cloudist.core.protocol.WorkerCadence}).
     */
    private void steal(List<WorkerState> live) {
        List<WorkerState> idleFirst = live.stream()
                .filter(w -> w.outstanding.isEmpty() && w.booted)
                .sorted(Comparator.comparingLong((WorkerState w) -> w.idleSince).reversed())
                .toList();
        for (WorkerState idle : idleFirst) {
            WorkerState victim = null;
            for (WorkerState w : live) {
                if (w.outstanding.size() >= 2
                        && (victim == null
                                || w.outstanding.peekLast().task().expectedSeconds()
                                        > victim.outstanding.peekLast().task().expectedSeconds())) {
                    victim = w;
                }
            }
            if (victim == null) {
                return;
            }
            // Look once more, just before taking it: a victim that has just finished its running task is already on
            // the queued one. What is left is the time of one request, in which both may run it.
            collect(victim, Map.of(), true);
            if (victim.outstanding.size() < 2) {
                continue;
            }
            Pending taken = victim.outstanding.pollLast();
            victim.warm.unuseLast();
            requests.put(
                    StoreKeys.assignment(runId, victim.handle.id(), taken.seq()),
                    Documents.write(Assignment.moved(taken.seq(), taken.task().id())));
            send(idle, taken);
            listener.taskMoved(taken.task(), victim.handle, idle.handle);
        }
    }

    /**
     * Takes the results of {@code w}'s assignments, in order: those read in this poll, and those that arrived since;
     * {@code now} reads the next one even if it has not been seen to arrive (to look once more before taking a queued
     * assignment from a worker, or before giving up on one).
     */
    private void collect(WorkerState w, Map<String, Optional<byte[]>> fetched, boolean now) {
        while (!w.outstanding.isEmpty()) {
            Pending head = w.outstanding.peek();
            if (!now && !w.arrived.contains(head.seq())) {
                return; // not seen to arrive, so not read in this poll either
            }
            String key = w.resultKey(head.seq());
            Optional<byte[]> raw = fetched.get(key);
            if (raw == null && (now || w.arrived.contains(head.seq()))) {
                raw = store.get(key);
            }
            if (raw == null || raw.isEmpty()) {
                if (raw != null) {
                    documents.missing(w, head.seq());
                }
                return;
            }
            w.outstanding.poll();
            w.arrived.remove(head.seq());
            w.booted = true;
            w.idleSince = clock.millis();
            TaskResult result = Documents.read(raw.get(), TaskResult.class);
            if (done.add(result.taskId())) {
                results.put(result.taskId(), result);
                listener.taskFinished(head.task(), result);
                countFailures(result);
            }
        }
    }

    private void checkAlive(WorkerState w, Map<String, Optional<byte[]>> fetched) {
        if (aborting.getAsBoolean()) {
            return; // its worker is being terminated with the run, not lost
        }
        long now = clock.millis();
        String reason = null;
        boolean evicted = false;
        if (!w.handle.isAlive()) {
            reason = "it stopped (" + w.handle.describe() + ")";
        } else {
            Optional<byte[]> beat = w.beatUnread ? fetched.get(w.beatKey) : null;
            if (beat != null) {
                w.beatReadAt = now;
                w.beatUnread = false;
            }
            Heartbeat heartbeat = beat == null
                    ? null
                    : beat.map(b -> Documents.read(b, Heartbeat.class)).orElse(null);
            long silent = now - w.lastBeatSeenAt;
            if (heartbeat != null && heartbeat.evicting()) {
                evicted = true;
                reason = "it is being evicted ("
                        + (heartbeat.evictionReason().isEmpty() ? "no reason given" : heartbeat.evictionReason()) + "; "
                        + w.handle.describe() + ")";
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
        collect(w, Map.of(), true);
        boolean inProgress = blameTask;
        List<Pending> requeue = new ArrayList<>();
        for (Pending p : w.outstanding) {
            int attempt = inProgress ? p.attempt() + 1 : p.attempt();
            inProgress = false;
            if (done.contains(p.task().id())) {
                continue;
            }
            if (attempt > settings.maxAttempts()) {
                done.add(p.task().id());
                abandoned.add(new Abandoned(
                        p.task(),
                        "its task took down " + settings.maxAttempts() + " workers; the last one: " + reason));
            } else {
                requeue.add(new Pending(-1, p.task(), attempt));
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
        if (!workLeft || replaced >= replacements.max() || aborting.getAsBoolean()) {
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
                add(new WorkerState(handle, runId, now, bootModule, -1));
                listener.workerReplaced(handle, replaced, replacements.max());
            }
        } catch (RuntimeException e) {
            listener.workerNotReplaced(e.getMessage());
        }
    }

    /** Counts the failed tests; once the budget is spent, skips the tasks not handed out yet. */
    private void countFailures(TaskResult result) {
        Optional<String> spent = failures.count(result);
        if (spent.isPresent() && !queue.isEmpty()) {
            String reason = spent.get();
            for (Pending p : queue) {
                if (done.add(p.task().id())) {
                    abandoned.add(new Abandoned(p.task(), reason, true));
                }
            }
            queue.clear();
        }
    }

    private String storeOutage = "";
    private BooleanSupplier aborting = () -> false;
    private String bootModule = "";
    private SharedCores cores = SharedCores.NONE;

    /**
     * Tells the coordinator that its workers share one machine of {@code cores} cores (local workers), so that a task
     * expected to compute does not go next to others computing when no core is left for it and one that mostly waits
     * could go instead (see {@link TaskChoice}).
     */
    public Coordinator sharingCores(int cores) {
        this.cores = new SharedCores(cores);
        return this;
    }

    /**
     * Tells the coordinator which module's test JVM every worker starts at boot, before its first task (the run
     * manifest's first module), so that it hands workers that module's tasks first where that costs nothing.
     */
    public Coordinator warmingAtBoot(String module) {
        this.bootModule = module;
        workers.forEach(w -> w.warm = new WarmModules(module));
        return this;
    }

    /**
     * Makes the coordinator stop scheduling as soon as {@code aborting} says so (the build is being stopped: Ctrl-C,
     * a killed CI job): it hands out nothing more, starts no replacement and does not take the workers that are being
     * terminated under it for lost ones.
     */
    public Coordinator abortingWhen(BooleanSupplier aborting) {
        this.aborting = aborting;
        return this;
    }

    private void giveUpAll(String reason) {
        for (Pending p : queue) {
            if (done.add(p.task().id())) {
                abandoned.add(new Abandoned(p.task(), "it never ran: " + reason));
            }
        }
        queue.clear();
    }

    /** Tells every live worker to stop; one that cannot be told is terminated. */
    private void stopWorkers() {
        Map<String, WorkerState> byKey = new LinkedHashMap<>();
        Map<String, byte[]> stops = new LinkedHashMap<>();
        for (WorkerState w : workers) {
            if (!w.lost) {
                String key = StoreKeys.assignment(runId, w.handle.id(), w.nextSeq);
                byKey.put(key, w);
                stops.put(key, Documents.write(Assignment.stop(w.nextSeq)));
            }
        }
        requests.tryPutAll(stops).forEach(key -> byKey.get(key).handle.terminate());
    }
}
