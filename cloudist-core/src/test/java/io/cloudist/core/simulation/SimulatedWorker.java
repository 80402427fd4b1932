package io.cloudist.core.simulation;

import io.cloudist.core.model.Status;
import io.cloudist.core.protocol.Assignment;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.WorkerCadence;
import io.cloudist.core.protocol.WorkerReplies;
import io.cloudist.core.protocol.WorkerTimes;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A worker agent as a state machine on a shared scheduler, speaking the Store protocol the way a cloud worker does
 * ({@link WorkerCadence#CLOUD}): it polls its next assignment key with growing pauses (GETs only), checks the run's
 * lease while it waits (noting how long the lease stayed unchanged), "runs" a task for its tests' simulated time plus
 * a per-task overhead, writes the result (every test passed), and writes a heartbeat, less often between tasks. Every
 * wait is simulated time scaled by the time factor.
 *
 * <p>In a reactor's run it keeps the test JVMs of its last {@value #MAX_WARM} modules warm, as the worker agent's
 * {@code ModuleRunners} does, the least recently used closed first; the run's heaviest module's is started at boot,
 * before the first task, and counts as no start (as in the agent's task results). A task of a module whose JVM is not
 * warm first waits for a test JVM to start.
 */
final class SimulatedWorker implements WorkerHandle {
    /** What a warm worker spends per task besides its tests: reading the assignment, the launcher's discovery. */
    static final double TASK_OVERHEAD_SECONDS = 0.1;
    /** The most test JVMs a worker keeps warm, one per module: the worker agent's {@code ModuleRunners.MAX_WARM}. */
    static final int MAX_WARM = 2;

    private static final WorkerCadence CADENCE = WorkerCadence.CLOUD;

    private final String id;
    private final String runId;
    private final SimulatedStore store;
    private final Store client;
    private final ScheduledExecutorService scheduler;
    private final ScaledClock clock;
    private final double timeFactor;
    private final Map<String, PlannedTask> tasks;
    private final double jvmStartSeconds;
    private final WorkerTally tally;
    /** The modules whose test JVMs are warm, least recently used first. */
    private final Set<String> warm = new LinkedHashSet<>();

    private String lastModule;
    private int jvmStarts;
    private int tasksTaken;
    private int moduleSwitches;
    private volatile boolean alive = true;
    private volatile int running = -1;
    private int seq;
    private long backoffMillis = CADENCE.firstPause().toMillis();
    private long beatWrittenAt = Long.MIN_VALUE;
    private long leaseCheckedAt;
    private long leaseChangedAt;
    private byte[] lastLease;
    private boolean started;
    /** When (System.nanoTime) the step now running was due: steps follow each other by plan, not by late wake-ups. */
    private long due;
    /** When it booted, and took the task it is running (simulated time, epoch millis), for its task results. */
    private long bootMillis;

    private long takenMillis;

    private volatile ScheduledFuture<?> heartbeat;

    SimulatedWorker(
            String id,
            String runId,
            SimulatedStore store,
            RequestCounts counts,
            ScheduledExecutorService scheduler,
            ScaledClock clock,
            Map<String, PlannedTask> tasks,
            String bootModule,
            double jvmStartSeconds,
            WorkerTally tally,
            double timeFactor) {
        this.id = id;
        this.runId = runId;
        this.store = store;
        this.client = store.instant(counts);
        this.scheduler = scheduler;
        this.clock = clock;
        this.tasks = tasks;
        this.jvmStartSeconds = jvmStartSeconds;
        this.tally = tally;
        this.warm.add(bootModule);
        this.lastModule = bootModule;
        this.timeFactor = timeFactor;
        this.leaseCheckedAt = clock.millis();
        this.leaseChangedAt = leaseCheckedAt;
    }

    /** Boots: first heartbeat at once, then as a cloud worker's; first poll at once. */
    void start() {
        bootMillis = clock.millis();
        long period = (long) (CADENCE.heartbeat().toNanos() * timeFactor);
        heartbeat = scheduler.scheduleAtFixedRate(this::beat, 0, period, TimeUnit.NANOSECONDS);
        due = System.nanoTime();
        scheduler.execute(this::poll);
    }

    private void beat() {
        if (!alive) {
            ScheduledFuture<?> self = heartbeat;
            if (self != null) {
                self.cancel(false);
            }
            return;
        }
        // Between tasks every idle heartbeat period, as the worker agent's Heartbeats (within half a period of it).
        long now = clock.millis();
        long idle =
                CADENCE.idleHeartbeat().minus(CADENCE.heartbeat().dividedBy(2)).toMillis();
        if (running < 0 && beatWrittenAt != Long.MIN_VALUE && now - beatWrittenAt < idle) {
            return;
        }
        beatWrittenAt = now;
        tally.heartbeats.increment();
        client.put(StoreKeys.heartbeat(runId, id), WorkerReplies.heartbeat(id, clock.millis(), running, ""));
    }

    private void poll() {
        if (!alive) {
            return;
        }
        Optional<byte[]> raw = client.get(StoreKeys.assignment(runId, id, seq));
        long latency = store.latencyNanos(S3Request.GET);
        if (raw.isPresent()) {
            tally.assignmentHits.increment();
            after(latency, () -> take(Documents.read(raw.get(), Assignment.class)));
            return;
        }
        tally.assignmentMisses.increment();
        if (!started) {
            tally.bootMisses.increment();
        }
        long now = clock.millis();
        if (now - leaseCheckedAt >= CADENCE.leaseCheck().toMillis()) {
            leaseCheckedAt = now;
            tally.leaseChecks.increment();
            byte[] lease = client.get(StoreKeys.lease(runId)).orElse(null);
            if (lease != null && !Arrays.equals(lease, lastLease)) {
                lastLease = lease;
                leaseChangedAt = now;
            }
            tally.longestLeaseGapMillis.accumulate(now - leaseChangedAt);
            latency += store.latencyNanos(S3Request.GET);
        }
        long sleep = (long) (backoffMillis * 1_000_000 * timeFactor);
        backoffMillis = CADENCE.after(backoffMillis);
        after(latency + sleep, this::poll);
    }

    private void take(Assignment assignment) {
        if (assignment.stop()) {
            alive = false;
            tally.mostJvmStarts.accumulate(jvmStarts);
            tally.mostModuleSwitches.accumulate(moduleSwitches);
            tally.stopped.increment();
            return;
        }
        if (assignment.moved()) {
            // An idle worker took it, as the real worker skips it.
            tally.moved.increment();
            seq++;
            backoffMillis = CADENCE.pauseAfterTask().toMillis();
            poll();
            return;
        }
        if (!started) {
            started = true;
            tally.lastFirstTaskMillis.accumulate((long) (clock.seconds() * 1000));
        }
        running = assignment.seq();
        takenMillis = clock.millis();
        PlannedTask task = tasks.get(assignment.taskId());
        if (!assignment.module().equals(task.module())) {
            tally.wrongModule.increment();
        }
        int started = warmUp(assignment.module());
        int number = Math.min(tasksTaken++, tally.tasksByNumber.length - 1);
        tally.tasksByNumber[number].increment();
        tally.jvmStartsByNumber[number].add(started);
        double seconds = task.seconds() + TASK_OVERHEAD_SECONDS + started * jvmStartSeconds;
        tally.busySeconds.add(seconds);
        after((long) (seconds * 1e9 * timeFactor), () -> finish(assignment, started, task.seconds()));
    }

    /** Makes {@code module}'s test JVM the most recently used one; 1 when it had to be started, else 0. */
    private int warmUp(String module) {
        if (!module.equals(lastModule)) {
            moduleSwitches++;
            tally.moduleSwitches.increment();
            lastModule = module;
        }
        if (warm.remove(module)) {
            warm.add(module);
            return 0;
        }
        if (warm.size() >= MAX_WARM) {
            warm.remove(warm.iterator().next());
        }
        warm.add(module);
        jvmStarts++;
        tally.jvmStarts.increment();
        return 1;
    }

    private void finish(Assignment assignment, int started, double testSeconds) {
        // The task's moments as the worker agent records them: a test JVM started first if its module's was not warm,
        // then the overhead before the first test, then the tests.
        long ready = takenMillis + Math.round(started * jvmStartSeconds * 1000);
        long firstEvent = ready + Math.round(TASK_OVERHEAD_SECONDS * 1000);
        long lastEvent = firstEvent + Math.round(testSeconds * 1000);
        WorkerTimes times = new WorkerTimes(
                bootMillis,
                List.of(),
                started > 0 ? List.of(new WorkerTimes.Interval(takenMillis, ready)) : List.of(),
                firstEvent,
                lastEvent);
        // The result is visible once its PUT completes.
        after(store.latencyNanos(S3Request.PUT), () -> {
            tally.results.increment();
            client.put(
                    StoreKeys.result(runId, id, assignment.seq()),
                    WorkerReplies.taskResult(
                            assignment,
                            id,
                            takenMillis,
                            firstEvent,
                            clock.millis(),
                            started,
                            WorkerReplies.results(assignment.uniqueIds(), Status.PASSED, 0.08),
                            times));
            running = -1;
            seq++;
            backoffMillis = CADENCE.pauseAfterTask().toMillis();
            poll();
        });
    }

    private void after(long nanos, Runnable step) {
        due += nanos;
        scheduler.schedule(step, due - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    /**
     * What a worker needs to know of a planned task to "run" it.
     *
     * @param seconds the true time of its tests
     * @param module the module of its units; {@code null} when they are of several
     */
    record PlannedTask(double seconds, String module) {}

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
        return "simulated worker " + id;
    }
}
