package io.cloudist.core.simulation;

import io.cloudist.core.concurrent.DaemonThreads;
import io.cloudist.core.coordinate.Coordinator;
import io.cloudist.core.coordinate.CoordinatorSettings;
import io.cloudist.core.coordinate.Replacements;
import io.cloudist.core.plan.Planner;
import io.cloudist.core.plan.Task;
import io.cloudist.core.plan.Unit;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.report.Summary;
import io.cloudist.core.simulation.SimulatedWorker.PlannedTask;
import io.cloudist.core.timeline.HtmlReport;
import io.cloudist.core.timeline.TimelineFiles;
import io.cloudist.core.timeline.TimelineRecorder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Drives the real {@link Planner} and {@link Coordinator} with simulated workers over an in-memory Store that takes
 * S3's time per request, and reports planning time, the coordinator's CPU per task, heap, makespan against its lower
 * bound, the test JVMs a reactor's run starts, and the S3 requests (and their cost) of one run. It records the run's
 * timeline as a real run does and writes it, {@code run.json} and {@code report.html}, to
 * {@code cloudist-core/target/simulation}. Not part of the build's tests (see {@code ScaleSimulationTest} for small
 * ones); run it with {@code benchmarks/simulate.sh}.
 */
public final class ScaleSimulation {
    private ScaleSimulation() {}

    /**
     * @param workers simulated workers
     * @param tests tests in the suite
     * @param classes test classes they are spread over
     * @param modules modules of the reactor the classes are spread over (1: a run of one module)
     * @param tasksPerWorker the planner's target tasks per worker
     * @param timeFactor real time per simulated time (0.1: ten times as fast as the real run)
     * @param jvmStartSeconds simulated time a worker takes to start the test JVM of a module that is not warm
     * @param seed seed of the generated suite
     */
    public record Settings(
            int workers,
            int tests,
            int classes,
            int modules,
            int tasksPerWorker,
            double timeFactor,
            double jvmStartSeconds,
            long seed) {
        private static final List<String> OPTIONS = List.of(
                "--workers",
                "--tests",
                "--classes",
                "--modules",
                "--tasks-per-worker",
                "--time-factor",
                "--jvm-start-seconds",
                "--seed");

        public Settings {
            if (workers < 1
                    || modules < 1
                    || tasksPerWorker < 1
                    || timeFactor <= 0
                    || timeFactor > 1
                    || jvmStartSeconds < 0) {
                throw new IllegalArgumentException("Bad settings: " + workers + " workers, " + modules + " modules, "
                        + tasksPerWorker + " tasks per worker, time factor " + timeFactor + ", JVM start "
                        + jvmStartSeconds + " s");
            }
        }

        static Settings parse(String... args) {
            Map<String, String> given = new HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                given.put(args[i], args[i + 1]);
            }
            if (args.length % 2 != 0 || !OPTIONS.containsAll(given.keySet())) {
                throw new IllegalArgumentException("Usage: [--workers 1000] [--tests 100000] [--classes 10000]"
                        + " [--modules 1] [--tasks-per-worker 4] [--time-factor 0.1] [--jvm-start-seconds 1.5]"
                        + " [--seed 1]");
            }
            return new Settings(
                    Integer.parseInt(given.getOrDefault("--workers", "1000")),
                    Integer.parseInt(given.getOrDefault("--tests", "100000")),
                    Integer.parseInt(given.getOrDefault("--classes", "10000")),
                    Integer.parseInt(given.getOrDefault("--modules", "1")),
                    Integer.parseInt(given.getOrDefault("--tasks-per-worker", "4")),
                    Double.parseDouble(given.getOrDefault("--time-factor", "0.1")),
                    Double.parseDouble(given.getOrDefault("--jvm-start-seconds", "1.5")),
                    Long.parseLong(given.getOrDefault("--seed", "1")));
        }
    }

    public static void main(String[] args) throws InterruptedException, URISyntaxException {
        Settings settings = Settings.parse(args);
        System.out.println("Simulating " + settings + " ...");
        SimulationReport report = run(settings);
        System.out.println(report.table());
        long renderStart = System.nanoTime();
        int length = HtmlReport.render(report.timeline()).length();
        double renderMillis = (System.nanoTime() - renderStart) / 1e6;
        Path classes = Path.of(ScaleSimulation.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path html = TimelineFiles.write(classes.resolveSibling("simulation"), report.timeline());
        System.out.printf(
                java.util.Locale.ROOT,
                "Run timeline: %s (%.1f MB, written in %.0f ms)%n",
                html,
                length / 1e6,
                renderMillis);
    }

    static SimulationReport run(Settings s) throws InterruptedException {
        long wallStart = System.nanoTime();
        SimulatedSuite suite = SimulatedSuite.generate(s.tests(), s.classes(), s.modules(), s.seed());
        List<Unit> methods = suite.methods();
        // Once to warm up the JIT, as a long-lived build would be; then timed.
        Planner.plan(
                suite.classes(),
                s.workers(),
                s.tasksPerWorker(),
                u -> suite.expected().get(u.key()));
        long planStart = System.nanoTime();
        List<Task> tasks = Planner.plan(
                suite.classes(),
                s.workers(),
                s.tasksPerWorker(),
                u -> suite.expected().get(u.key()));
        double planMillis = (System.nanoTime() - planStart) / 1e6;
        long methodStart = System.nanoTime();
        Planner.plan(methods, s.workers(), s.tasksPerWorker(), suite.methodExpectation());
        double methodPlanMillis = (System.nanoTime() - methodStart) / 1e6;

        Map<String, PlannedTask> planned = new HashMap<>();
        for (Task t : tasks) {
            List<String> modules =
                    t.units().stream().map(Unit::module).distinct().toList();
            planned.put(
                    t.id(),
                    new PlannedTask(
                            t.units().stream()
                                    .mapToDouble(u -> suite.seconds().get(u.key()))
                                    .sum(),
                            modules.size() == 1 ? modules.get(0) : null));
        }
        String bootModule = suite.heaviestModule();

        SimulatedStore store = new SimulatedStore(s.timeFactor());
        RequestCounts coordinatorCounts = new RequestCounts();
        RequestCounts workerCounts = new RequestCounts();
        WorkerTally tally = new WorkerTally();
        ScaledClock clock = new ScaledClock(s.timeFactor());
        TimelineRecorder timeline = new TimelineRecorder(clock);
        ScheduledExecutorService scheduler =
                Executors.newScheduledThreadPool(2, DaemonThreads.named("simulated-workers"));
        List<WorkerHandle> workers = new ArrayList<>();
        for (int i = 0; i < s.workers(); i++) {
            SimulatedWorker w = new SimulatedWorker(
                    "w" + i,
                    "sim",
                    store,
                    workerCounts,
                    scheduler,
                    clock,
                    planned,
                    bootModule,
                    s.jvmStartSeconds(),
                    tally,
                    s.timeFactor());
            workers.add(w);
            timeline.workersStarted(List.of(w), clock.millis());
            w.start();
        }
        CoordinatorTally listener = new CoordinatorTally(timeline);
        CoordinatorSettings cloud = CoordinatorSettings.CLOUD;
        CoordinatorSettings settings = new CoordinatorSettings(
                Duration.ofMillis(Math.max(1, Math.round(cloud.poll().toMillis() * s.timeFactor()))),
                cloud.heartbeatTimeout(),
                cloud.bootTimeout(),
                cloud.maxAttempts());
        Coordinator coordinator = new Coordinator(
                        store.client(coordinatorCounts), "sim", workers, listener, settings, Replacements.NONE, clock)
                .warmingAtBoot(bootModule);

        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        var threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        double simStart = clock.seconds();
        Coordinator.Outcome outcome = coordinator.run(tasks);
        double makespan = clock.seconds() - simStart;
        double cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        long peakHeap = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();

        for (long deadline = System.nanoTime() + 30_000_000_000L;
                tally.stopped.sum() < s.workers() && System.nanoTime() < deadline; ) {
            Thread.sleep(10);
        }
        scheduler.shutdownNow();
        System.gc();
        long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        PlanSchedule schedule = new PlanSchedule(tasks, planned, s.workers(), bootModule);
        return new SimulationReport(
                s,
                tasks.size(),
                methods.size(),
                planMillis,
                methodPlanMillis,
                outcome.results().size(),
                tally.results.sum(),
                outcome.abandoned().size(),
                listener.lost(),
                listener.polls(),
                cpuMillis,
                makespan,
                suite.totalSeconds() / s.workers(),
                suite.longestSeconds(),
                schedule.run(0).makespanSeconds(),
                tally.lastFirstTaskMillis.get() / 1000.0,
                tally.busySeconds.sum(),
                peakHeap,
                retained,
                store.bytes(),
                coordinatorCounts,
                workerCounts,
                (System.nanoTime() - wallStart) / 1e9,
                tally,
                listener,
                ReactorFigures.of(suite, tasks, outcome, schedule.run(s.jvmStartSeconds())),
                timeline.timeline("sim", "simulated", 0, new Summary(s.tests(), 0, 0, 0, 0), List.of()));
    }
}
