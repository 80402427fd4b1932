package io.cloudist.core.run;

import io.cloudist.core.model.Failure;
import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestResult;
import io.cloudist.core.protocol.Assignment;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.RunManifest;
import io.cloudist.core.protocol.TaskResult;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A worker on a thread that speaks the Store protocol as the real agent does: it reads the run's manifest, takes
 * assignments, gives each test the outcomes its script names (one per run: the first, then each rerun), reruns the
 * failed ones as many times as the manifest says, and writes one {@link TaskResult} per task with every run's results
 * in order. A dying worker exits on its first task without a result, as a killed process would.
 */
final class ScriptedWorker implements WorkerHandle {
    private final String id;
    private final Store store;
    private final String runId;
    private final Map<String, TestNode> discovered;
    private final Map<String, List<Status>> script;
    private final boolean dies;
    final List<String> tookTasks = new CopyOnWriteArrayList<>();
    final List<String> finishedTasks = new CopyOnWriteArrayList<>();
    /** The module each assignment it took named, in order. */
    final List<String> modules = new CopyOnWriteArrayList<>();

    private volatile boolean alive = true;

    /**
     * @param discovered the discovered nodes, by unique id, whose results the worker reports
     * @param script the outcomes of a test's runs by unique id, or by "module uniqueId" for one module's; a test not
     *     named passes
     */
    ScriptedWorker(
            String id,
            Store store,
            String runId,
            Map<String, TestNode> discovered,
            Map<String, List<Status>> script,
            boolean dies) {
        this.id = id;
        this.store = store;
        this.runId = runId;
        this.discovered = discovered;
        this.script = script;
        this.dies = dies;
        Thread thread = new Thread(this::work, "scripted-" + id);
        thread.setDaemon(true);
        thread.start();
    }

    private void work() {
        try {
            RunManifest manifest = Documents.read(await(StoreKeys.manifest(runId)), RunManifest.class);
            for (int seq = 0; alive; seq++) {
                byte[] raw = await(StoreKeys.assignment(runId, id, seq));
                if (raw == null) {
                    return;
                }
                Assignment assignment = Documents.read(raw, Assignment.class);
                if (assignment.stop()) {
                    alive = false;
                    return;
                }
                if (assignment.moved()) {
                    continue;
                }
                tookTasks.add(assignment.taskId());
                if (dies) {
                    alive = false;
                    return;
                }
                modules.add(assignment.module());
                List<TestResult> results = run(
                        assignment.module(),
                        assignment.uniqueIds(),
                        manifest.module(assignment.module()).rerunFailingTestsCount());
                long now = System.currentTimeMillis();
                store.put(
                        StoreKeys.result(runId, id, seq),
                        Documents.write(new TaskResult(
                                Documents.SCHEMA,
                                seq,
                                assignment.taskId(),
                                id,
                                assignment.attempt(),
                                now,
                                now,
                                now,
                                1,
                                results)));
                finishedTasks.add(assignment.taskId());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first run of every test, then the failed ones again, up to {@code reruns} times or until none fails. */
    private List<TestResult> run(String module, List<String> uniqueIds, int reruns) {
        List<TestResult> results = new ArrayList<>();
        List<String> batch = uniqueIds;
        for (int run = 0; run <= reruns && !batch.isEmpty(); run++) {
            List<String> failed = new ArrayList<>();
            for (String uniqueId : batch) {
                Status status = outcome(module, uniqueId, run);
                results.add(result(uniqueId, status));
                if (status == Status.FAILED) {
                    failed.add(uniqueId);
                }
            }
            batch = failed;
        }
        return results;
    }

    /** The script's outcomes for "module uniqueId", else for the unique id in any module. */
    private Status outcome(String module, String uniqueId, int run) {
        List<Status> runs =
                script.getOrDefault(module + " " + uniqueId, script.getOrDefault(uniqueId, List.of(Status.PASSED)));
        return runs.get(Math.min(run, runs.size() - 1));
    }

    private TestResult result(String uniqueId, Status status) {
        Failure failure = status == Status.FAILED
                ? new Failure("org.opentest4j.AssertionFailedError", "expected: <1> but was: <2>", "at " + uniqueId)
                : null;
        return new TestResult(discovered.get(uniqueId), status, System.currentTimeMillis(), 0.01, failure, "", "");
    }

    /** The document at {@code key} once it is there; null when the worker was stopped first. */
    private byte[] await(String key) throws InterruptedException {
        Optional<byte[]> raw;
        while ((raw = store.get(key)).isEmpty()) {
            if (!alive) {
                return null;
            }
            Thread.sleep(2);
        }
        return raw.get();
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
        return "scripted worker " + id;
    }
}
