package io.cloudist.core.run;

import io.cloudist.core.CloudistException;
import io.cloudist.core.CloudistParameters;
import io.cloudist.core.NoTestsException;
import io.cloudist.core.RunListener;
import io.cloudist.core.concurrent.DaemonThreads;
import io.cloudist.core.concurrent.Futures;
import io.cloudist.core.coordinate.Abandoned;
import io.cloudist.core.coordinate.Coordinator;
import io.cloudist.core.coordinate.CoordinatorListener;
import io.cloudist.core.coordinate.CoordinatorSettings;
import io.cloudist.core.coordinate.Replacements;
import io.cloudist.core.jvm.JvmStarts;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestResult;
import io.cloudist.core.plan.Planner;
import io.cloudist.core.plan.Task;
import io.cloudist.core.plan.TimingHistory;
import io.cloudist.core.plan.Unit;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.RunManifest;
import io.cloudist.core.protocol.TaskResult;
import io.cloudist.core.provision.Provisioner;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.report.ConsoleLine;
import io.cloudist.core.report.ConsoleReport;
import io.cloudist.core.report.Summary;
import io.cloudist.core.ship.ShippedEntries;
import io.cloudist.core.store.ResilientStore;
import io.cloudist.core.store.StoreKeys;
import io.cloudist.core.timeline.Phase;
import io.cloudist.core.timeline.TimelineRecorder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * One run, step by step: select, ship, provision, discover, plan, coordinate, report. A run has one module, or all
 * the modules of a reactor ({@link ReactorRequest}): they are shipped, discovered and planned together and share one
 * pool of workers, and each keeps its own reports and console section. What the run reaches beyond its request
 * (store, provisioner, discovery, clock, environment) comes in through {@link RunServices}.
 */
public final class TestRun {
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ReactorRequest run;
    private final RunRequest lead;
    private final boolean reactor;
    private final RunListener listener;
    private final RunServices services;
    private final Clock clock;
    private final Timings timings = new Timings();
    private final TimelineRecorder timeline;

    /** A run on the real backends, with discovery in a forked JVM. */
    public TestRun(RunRequest request, RunListener listener, Clock clock) {
        this(request, listener, RunServices.production(clock));
    }

    /** A run of one module's tests. */
    public TestRun(RunRequest request, RunListener listener, RunServices services) {
        this(ReactorRequest.of(request), listener, services);
    }

    public TestRun(ReactorRequest run, RunListener listener, RunServices services) {
        this.run = run;
        this.lead = run.lead();
        this.reactor = run.isReactor();
        this.listener = listener;
        this.services = services;
        this.clock = services.clock();
        this.timeline = new TimelineRecorder(clock);
    }

    /**
     * Runs the one module's tests.
     *
     * @throws NoTestsException when nothing is selected or discovered and the module's configuration says to fail
     */
    public RunOutcome run() {
        return runAll().modules().get(0).outcome();
    }

    /**
     * The test classpath that a run's workers are started with, whose jars their image holds: that of every module
     * with test classes, in the request's order, each element once. {@code cloudist:image} names its image by the same.
     */
    static List<Path> workerTestClasspath(List<ModuleRun> selected) {
        return selected.stream()
                .flatMap(m -> m.request.testJvm().classpath().stream())
                .distinct()
                .toList();
    }

    /** Runs every module's tests and gives each module's outcome, in the order of the request's modules. */
    public ReactorOutcome runAll() {
        List<ModuleRun> modules = run.modules().stream()
                .map(request -> new ModuleRun(request, listener, reactor))
                .toList();
        List<ModuleRun> selected = new ArrayList<>();
        for (ModuleRun module : modules) {
            if (module.hasClasses()) {
                selected.add(module);
                if (reactor) {
                    ReactorConsole.open(module);
                }
            } else {
                noTests(module);
            }
        }
        if (!selected.isEmpty()) {
            List<Path> locks = new ArrayList<>();
            locks.add(lead.module().workDirectory());
            selected.forEach(m -> locks.add(m.request.module().workDirectory()));
            try (Locks held = new Locks(locks.stream().distinct().toList())) {
                run(modules, selected);
            }
        }
        if (reactor) {
            ReactorConsole.finish(listener, modules);
        }
        return new ReactorOutcome(modules.stream()
                .map(m -> new ReactorOutcome.ModuleOutcome(m.key(), m.outcome, m.failure))
                .toList());
    }

    private void run(List<ModuleRun> modules, List<ModuleRun> selected) {
        String runId = newRunId();
        Coordinator.Outcome outcome;
        ReactorConsole console = null;
        RunProgress progress = null;
        List<Task> tasks;
        try (ResilientStore store = services.stores().open(lead);
                RunDocuments documents =
                        new RunDocuments(store, runId, listener, !lead.cloud().isLocal());
                Provisioner provisioner = services.provisioners().open(run, store, listener);
                AbortGuard guard = new AbortGuard(provisioner)) {
            if (!reactor) {
                ConsoleReport.header().forEach(listener::line);
            }
            RunShipper leadShipper = new RunShipper(lead, store, listener);
            timings.time("shipping", () -> ship(selected, store));
            warnOfWithheldSecrets(selected);
            readHistories(selected, store);
            RunManifest manifest = manifest(runId, selected);
            store.put(StoreKeys.manifest(runId), Documents.write(manifest));
            int workers = Math.min(
                    lead.scheduling().workers(),
                    selected.stream()
                            .mapToInt(m -> m.selection.classNames().size())
                            .sum());
            List<Path> testClasspath = workerTestClasspath(selected);
            WorkerStarter starter =
                    new WorkerStarter(lead, provisioner, store, runId, leadShipper, timeline, clock, testClasspath);
            Map<ModuleRun, CachedDiscovery> discoveries = new HashMap<>();
            selected.forEach(m -> discoveries.put(m, new CachedDiscovery(m.request, services.discoverer())));
            // Local workers start before discovery and warm up their test JVMs while it runs. Cloud instances cost
            // money: they start only once discovery has found something to run. A discovery that starts a JVM takes
            // a start slot first, so that the workers' test JVMs start around it instead of all at once with it.
            Runnable slot = selected.stream().allMatch(m -> discoveries.get(m).cached(m.selection, m.shipment))
                    ? () -> {}
                    : JvmStarts.shared().take(JvmStarts.DISCOVERY);
            try {
                if (lead.cloud().isLocal()) {
                    starter.first(workers);
                }
                long discoveryStarted = clock.millis();
                timings.time("discovery", () -> discover(selected, discoveries));
                timeline.coordinatorPhase(Phase.DISCOVERY, discoveryStarted, clock.millis());
            } finally {
                slot.run();
            }
            List<ModuleRun> planned = new ArrayList<>();
            for (ModuleRun module : selected) {
                if (module.done()) {
                    continue; // its discovery failed
                }
                if (module.methodLevel.isEmpty()) {
                    noneDiscovered(module);
                } else {
                    planned.add(module);
                }
            }
            if (planned.isEmpty()) {
                return;
            }
            List<WorkerHandle> handles = starter.first(workers);
            tasks = plan(planned, workers);
            List<Unit> units = planned.stream().flatMap(m -> m.units.stream()).toList();
            listener.line(ConsoleLine.info(RunProgress.planLine(
                    units.stream().mapToInt(Unit::tests).sum(),
                    planned.stream()
                            .mapToLong(m -> m.units.stream()
                                    .map(Unit::className)
                                    .distinct()
                                    .count())
                            .sum(),
                    reactor ? planned.size() : 0,
                    tasks.size(),
                    workers,
                    lead.cloud().backend())));
            Scheduling scheduling = lead.scheduling();
            Replacements replacements = new Replacements(scheduling.maxWorkerRestarts(), starter::start);
            CoordinatorListener shown;
            if (reactor) {
                console = new ReactorConsole(listener, modules, tasks, (module, results, moduleProgress) -> {
                    finish(module, new Coordinator.Outcome(results, List.of()));
                    report(module, moduleProgress);
                });
                console.printReady();
                shown = console;
            } else {
                progress = new RunProgress(
                        listener,
                        planned.get(0).byId,
                        tasks,
                        planned.get(0).request.reportStyle());
                shown = progress;
            }
            // Heartbeats are judged on the store's uptime: nobody can beat while the store is out.
            Coordinator coordinator = new Coordinator(
                            store,
                            runId,
                            handles,
                            new BothListeners(shown, timeline),
                            lead.cloud().isLocal() ? CoordinatorSettings.LOCAL : CoordinatorSettings.CLOUD,
                            replacements,
                            store.uptimeClock(clock),
                            lead.failurePolicy().skipAfterFailureCount())
                    .abortingWhen(guard::aborting)
                    .warmingAtBoot(
                            WorkerStarter.bootModule(manifest, lead.cloud().isLocal()))
                    .sharingCores(lead.cloud().isLocal() ? Runtime.getRuntime().availableProcessors() : 0);
            outcome = timings.time("tests", () -> coordinator.run(tasks));
            for (ModuleRun module : planned) {
                if (!module.done()) {
                    finish(module, only(module, tasks, outcome));
                }
                module.timings.record(module.history, Measurements.history(module.units, module.results));
            }
            if (outcome.storeOutage().isEmpty()) {
                provisioner.keepWarm();
            } else {
                listener.line(ConsoleLine.error("cloudist: the run stopped early: " + outcome.storeOutage()
                        + " The tests that finished are reported; the others are errors that say why."));
            }
            if (!store.usage().isEmpty()) {
                listener.line(ConsoleLine.info("cloudist: store traffic: " + store.usage()));
            }
        }
        RunProgress single = progress;
        ReactorConsole sections = console;
        timings.time("reporting", () -> {
            for (ModuleRun module : selected) {
                if (!module.done()) {
                    report(module, reactor ? sections.progressOf(module) : single);
                }
            }
        });
        listener.line(ConsoleLine.info("cloudist: time spent: " + timings));
        List<TestResult> all =
                selected.stream().flatMap(m -> m.results.stream()).toList();
        Summary total = selected.stream().map(m -> m.outcome.summary()).reduce(Summary.EMPTY, Summary::plus);
        RunReporter reporter = new RunReporter(lead, listener, services.environment());
        Path timelineReport = reporter.writeTimeline(timeline, runId, total, all);
        reporter.writeStepSummary(
                reactor ? lead.module().projectKey() : selected.get(0).key(),
                selected.stream().flatMap(m -> m.classReports.stream()).toList(),
                total,
                timelineReport);
    }

    /** Ships every selected module: one line for a module's run, one for a reactor's. */
    private void ship(List<ModuleRun> selected, ResilientStore store) {
        ShippedEntries shipped = new ShippedEntries();
        for (ModuleRun module : selected) {
            RunShipper shipper = new RunShipper(module.request, store, listener, shipped);
            module.shipment = reactor ? shipper.shipModule() : shipper.shipTests();
        }
        if (reactor) {
            RunShipper.shippedModules(
                    listener, selected.stream().map(m -> m.shipment).toList());
        }
    }

    /** Each module's timing history; a store the user named (S3, a shared directory) is shared with other machines. */
    private void readHistories(List<ModuleRun> selected, ResilientStore store) {
        for (ModuleRun module : selected) {
            module.timings = new SharedTimings(
                    module.request.module().workDirectory().resolve("timings.json"),
                    lead.store().location().isEmpty() ? Optional.empty() : Optional.of(store),
                    module.key());
            module.history = module.timings.read();
        }
    }

    /**
     * The run's manifest: one entry per module, the module with the most known test time first, which workers warm
     * a test JVM for before their first task.
     */
    private RunManifest manifest(String runId, List<ModuleRun> selected) {
        List<ModuleRun> heaviestFirst = new ArrayList<>(selected);
        heaviestFirst.sort(Comparator.comparingDouble((ModuleRun m) -> m.history.totalSeconds())
                .reversed());
        return new RunManifest(
                Documents.SCHEMA,
                runId,
                heaviestFirst.stream()
                        .map(m -> Manifests.module(m.key(), m.request, m.shipment))
                        .toList());
    }

    /**
     * Discovers every selected module's tests, several at once. In a reactor's run a module whose discovery fails
     * fails alone (its section says why); a module's own run fails with it.
     */
    private void discover(List<ModuleRun> selected, Map<ModuleRun, CachedDiscovery> discoveries) {
        int threads = Math.max(1, Math.min(selected.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("cloudist-discovery"));
        try {
            List<Future<List<TestNode>>> found = new ArrayList<>();
            for (ModuleRun module : selected) {
                CachedDiscovery discovery = discoveries.get(module);
                found.add(pool.submit(() -> discovery.discover(module.selection, module.shipment)));
            }
            for (int i = 0; i < selected.size(); i++) {
                ModuleRun module = selected.get(i);
                try {
                    module.discovered(Futures.await(
                            found.get(i), "Interrupted while discovering tests", "Test discovery failed"));
                } catch (CloudistException e) {
                    if (!reactor) {
                        throw e;
                    }
                    module.out.line(ConsoleLine.error(e.getMessage()));
                    module.failure = "test discovery failed";
                    module.endEmpty();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One plan across every module: longest first, each task one module's units, each module's own history. */
    private List<Task> plan(List<ModuleRun> planned, int workers) {
        Map<String, TimingHistory> histories = new HashMap<>();
        Set<String> failed = new HashSet<>();
        for (ModuleRun module : planned) {
            histories.put(module.key(), module.history);
            failed.addAll(module.history.failed());
        }
        List<Unit> units = planned.stream().flatMap(m -> m.units.stream()).toList();
        Scheduling scheduling = lead.scheduling();
        return Planner.plan(
                        units,
                        workers,
                        scheduling.tasksPerWorker(),
                        scheduling.targetTaskSeconds(),
                        Planner.withTestCost(u -> histories.get(u.module()).expected(u)),
                        scheduling
                                .runOrder()
                                .tieBreak(
                                        units, failed, LocalDateTime.now(clock).getHour()))
                .stream()
                .map(task -> task.measuredWith(u -> histories.get(u.module())))
                .toList();
    }

    /** A module's final accounting from the coordinator's outcome of its tasks. */
    private static void finish(ModuleRun module, Coordinator.Outcome outcome) {
        module.results = Outcomes.complete(outcome, module.methodLevel, module.byId);
        module.testSeconds = outcome.results().values().stream()
                .mapToDouble(r -> (r.finishedMillis() - r.startedMillis()) / 1000.0)
                .sum();
    }

    /** The part of the run's outcome that is the module's: its tasks' results, and those of its tasks given up on. */
    private static Coordinator.Outcome only(ModuleRun module, List<Task> tasks, Coordinator.Outcome outcome) {
        Set<String> ids = tasks.stream()
                .filter(t -> t.module().equals(module.key()))
                .map(Task::id)
                .collect(Collectors.toSet());
        Map<String, TaskResult> results = new LinkedHashMap<>();
        outcome.results().forEach((id, result) -> {
            if (ids.contains(id)) {
                results.put(id, result);
            }
        });
        List<Abandoned> abandoned = outcome.abandoned().stream()
                .filter(a -> a.task().module().equals(module.key()))
                .toList();
        return new Coordinator.Outcome(results, abandoned, outcome.storeOutage());
    }

    /** Writes a module's reports and its Results block. */
    private void report(ModuleRun module, RunProgress progress) {
        RunReporter.Reported reported = new RunReporter(module.request, module.out, services.environment())
                .report(module.results, module.byId, progress);
        module.classReports = reported.classReports();
        module.outcome = reported.outcome();
    }

    /** Workers elsewhere do not get what looks secret and is not allowed: say so, naming it, never its value. */
    private void warnOfWithheldSecrets(List<ModuleRun> selected) {
        Set<String> names = new TreeSet<>();
        selected.forEach(m -> names.addAll(m.request.secrets().withheldNames()));
        if (!lead.cloud().isLocal() && !names.isEmpty()) {
            listener.line(ConsoleLine.warn(
                    "cloudist: not passed to workers on " + lead.cloud().backend()
                            + ", as they look secret and would be kept in the store: " + String.join(", ", names)
                            + ". If the tests need them, allow them by name with "
                            + CloudistParameters.ALLOWED_SECRETS.displayName() + "."));
        }
    }

    /**
     * No test class is selected (includes, excludes or a {@code test} pattern match none): as in Surefire, nothing is
     * printed, unless failIfNoSpecifiedTests (for a {@code test} pattern) or failIfNoTests fails the build.
     */
    private void noTests(ModuleRun module) {
        RunRequest request = module.request;
        NoTestsException failure = null;
        if (!request.selection().test().isEmpty() && request.failurePolicy().failIfNoSpecifiedTests()) {
            failure = NoTestsException.noneMatching(request.selection().test());
        } else if (request.failurePolicy().failIfNoTests()) {
            failure = NoTestsException.none();
        }
        if (failure != null && !reactor) {
            throw failure;
        }
        if (failure != null) {
            module.failure = failure.getMessage();
        }
        module.endEmpty();
    }

    /**
     * Classes were selected but discovery left no test in them (a method pattern, tags, classes without tests).
     * Surefire runs them and finds nothing: only {@code failIfNoTests} fails the build, and the Results block shows
     * zero tests.
     */
    private void noneDiscovered(ModuleRun module) {
        if (module.request.failurePolicy().failIfNoTests()) {
            if (!reactor) {
                throw NoTestsException.none();
            }
            module.failure = NoTestsException.none().getMessage();
        }
        ConsoleReport.results(List.of(), module.request.failurePolicy().rerunFailingTestsCount())
                .forEach(module.out::line);
        module.endEmpty();
    }

    /** The run's time on the injected clock, and a random suffix so that runs of the same second differ. */
    private String newRunId() {
        return LocalDateTime.now(clock).format(RUN_ID_TIME) + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }

    /** The locks of the run's work directories, taken in order and given back together. */
    private final class Locks implements AutoCloseable {
        private final List<ModuleLock> held = new ArrayList<>();

        Locks(List<Path> directories) {
            try {
                directories.forEach(d -> held.add(ModuleLock.acquire(d, listener, clock)));
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        @Override
        public void close() {
            for (int i = held.size() - 1; i >= 0; i--) {
                held.get(i).close();
            }
        }
    }
}
