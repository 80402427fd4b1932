package io.cloudist.core.run;

import io.cloudist.core.jvm.JvmStarts;
import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.provision.Provisioner;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.provision.WorkerLaunch;
import io.cloudist.core.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Starts {@link ScriptedWorker}s named {@code w1}, {@code w2}, … in the order asked for; the ones named in
 * {@code dying} exit on their first task. Remembers every launch and every worker.
 */
final class ScriptedProvisioner implements Provisioner {
    private final Store store;
    private final Map<String, TestNode> discovered;
    private final Map<String, List<Status>> script;
    private final Set<String> dying;
    final List<WorkerLaunch> launches = new CopyOnWriteArrayList<>();
    final List<ScriptedWorker> workers = new CopyOnWriteArrayList<>();
    /** The JVM start slots free at each start: a discovery that starts a JVM holds one. */
    final List<Integer> freeStartSlots = new CopyOnWriteArrayList<>();

    volatile boolean keptWarm;

    ScriptedProvisioner(
            Store store, Map<String, TestNode> discovered, Map<String, List<Status>> script, Set<String> dying) {
        this.store = store;
        this.discovered = discovered;
        this.script = script;
        this.dying = dying;
    }

    @Override
    public synchronized List<WorkerHandle> start(WorkerLaunch launch) {
        launches.add(launch);
        freeStartSlots.add(JvmStarts.shared().free());
        List<WorkerHandle> started = new ArrayList<>();
        for (int i = 0; i < launch.workers(); i++) {
            String id = "w" + (workers.size() + 1);
            ScriptedWorker worker =
                    new ScriptedWorker(id, store, launch.runId(), discovered, script, dying.contains(id));
            workers.add(worker);
            started.add(worker);
        }
        return started;
    }

    ScriptedWorker worker(String id) {
        return workers.stream().filter(w -> w.id().equals(id)).findFirst().orElseThrow();
    }

    @Override
    public void keepWarm() {
        keptWarm = true;
    }

    @Override
    public void close() {
        workers.forEach(ScriptedWorker::terminate);
    }
}
