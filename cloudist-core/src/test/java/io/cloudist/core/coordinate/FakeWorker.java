package io.cloudist.core.coordinate;

import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestResult;
import io.cloudist.core.protocol.Assignment;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.WorkerReplies;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A worker on a thread that speaks the Store protocol and passes every test; it can be told to die on a task, or to
 * announce its eviction in its heartbeat when it gets a task (and then hang on to it, as a worker whose instance is
 * about to be reclaimed would, finishing it only after the coordinator gave up on it).
 */
final class FakeWorker implements WorkerHandle {
    private final String id;
    private final Store store;
    private final String runId;
    private final Predicate<String> dieOnTask;
    private final Predicate<String> evictOnTask;
    private final long taskMillis;
    private final Predicate<String> failOnTask;
    private final Thread thread;
    final List<String> ranTasks = new CopyOnWriteArrayList<>();
    private volatile boolean alive = true;

    FakeWorker(String id, Store store, String runId, Predicate<String> dieOnTask) {
        this(id, store, runId, dieOnTask, t -> false, 0);
    }

    FakeWorker(String id, Store store, String runId, Predicate<String> dieOnTask, Predicate<String> evictOnTask) {
        this(id, store, runId, dieOnTask, evictOnTask, 0);
    }

    /** A worker that takes {@code taskMillis} over each task. */
    static FakeWorker slow(String id, Store store, String runId, long taskMillis) {
        return new FakeWorker(id, store, runId, t -> false, t -> false, taskMillis);
    }

    /** A worker whose tests fail in the tasks {@code failOnTask} names, taking {@code taskMillis} over each task. */
    static FakeWorker failing(String id, Store store, String runId, long taskMillis, Predicate<String> failOnTask) {
        return new FakeWorker(id, store, runId, t -> false, t -> false, taskMillis, failOnTask);
    }

    private FakeWorker(
            String id,
            Store store,
            String runId,
            Predicate<String> dieOnTask,
            Predicate<String> evictOnTask,
            long taskMillis) {
        this(id, store, runId, dieOnTask, evictOnTask, taskMillis, t -> false);
    }

    private FakeWorker(
            String id,
            Store store,
            String runId,
            Predicate<String> dieOnTask,
            Predicate<String> evictOnTask,
            long taskMillis,
            Predicate<String> failOnTask) {
        this.failOnTask = failOnTask;
        this.id = id;
        this.evictOnTask = evictOnTask;
        this.taskMillis = taskMillis;
        this.store = store;
        this.runId = runId;
        this.dieOnTask = dieOnTask;
        this.thread = new Thread(this::work, "fake-" + id);
        thread.setDaemon(true);
        thread.start();
    }

    private void work() {
        try {
            for (int seq = 0; alive; seq++) {
                Optional<byte[]> raw;
                while ((raw = store.get(StoreKeys.assignment(runId, id, seq))).isEmpty()) {
                    if (!alive) {
                        return;
                    }
                    Thread.sleep(2);
                }
                Assignment a = Documents.read(raw.get(), Assignment.class);
                if (a.stop()) {
                    alive = false;
                    return;
                }
                if (a.moved()) {
                    continue;
                }
                if (dieOnTask.test(a.taskId())) {
                    alive = false;
                    return;
                }
                if (evictOnTask.test(a.taskId())) {
                    store.put(
                            StoreKeys.heartbeat(runId, id),
                            WorkerReplies.heartbeat(id, System.currentTimeMillis(), seq, "spot interruption notice"));
                    while (alive) {
                        Thread.sleep(2);
                    }
                    // It finishes the task anyway, after the coordinator gave up on it: a late duplicate.
                    store.put(StoreKeys.result(runId, id, seq), WorkerReplies.taskResult(a, id, 0, 0, 0, 1, passed(a)));
                    return;
                }
                ranTasks.add(a.taskId());
                Thread.sleep(taskMillis);
                store.put(
                        StoreKeys.result(runId, id, seq),
                        WorkerReplies.taskResult(
                                a, id, 0, 0, 0, 1, failOnTask.test(a.taskId()) ? failed(a) : passed(a)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<TestResult> failed(Assignment a) {
        return WorkerReplies.results(a.uniqueIds(), Status.FAILED, 0.01);
    }

    private static List<TestResult> passed(Assignment a) {
        return WorkerReplies.results(a.uniqueIds(), Status.PASSED, 0.01);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean isAlive() {
        return alive;
    }

    @Override
    public void terminate() {
        alive = false;
    }

    @Override
    public String describe() {
        return "fake worker " + id;
    }
}
