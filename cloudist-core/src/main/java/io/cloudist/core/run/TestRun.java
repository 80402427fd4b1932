package io.cloudist.core.run;

import io.cloudist.core.CloudistParameters;
import io.cloudist.core.NoTestsException;
import io.cloudist.core.RunListener;
import io.cloudist.core.coordinate.Coordinator;
import io.cloudist.core.coordinate.CoordinatorSettings;
import io.cloudist.core.coordinate.Replacements;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestResult;
import io.cloudist.core.plan.Planner;
import io.cloudist.core.plan.Task;
import io.cloudist.core.plan.TimingHistory;
import io.cloudist.core.plan.Unit;
import io.cloudist.core.plan.Units;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.provision.Provisioner;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.report.ConsoleLine;
import io.cloudist.core.report.ConsoleReport;
import io.cloudist.core.report.Summary;
import io.cloudist.core.select.SelectionPlan;
import io.cloudist.core.ship.Shipment;
import io.cloudist.core.store.ResilientStore;
import io.cloudist.core.store.StoreKeys;
import io.cloudist.core.timeline.TimelineRecorder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One run, step by step: select, ship, provision, discover, plan, coordinate, report. What it reaches beyond its
 * request (store, provisioner, discovery, clock, environment) comes in through {@link RunServices}.
 */
public final class TestRun {
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final RunRequest request;
    private final RunListener listener;
    private final RunServices services;
    private final Clock clock;
    private final Timings timings = new Timings();
    private final TimelineRecorder timeline;
    private final RunReporter reporter;

    /** A run on the real backends, with discovery in a forked JVM. */
    public TestRun(RunRequest request, RunListener listener, Clock clock) {
        this(request, listener, RunServices.production(clock));
    }

    public TestRun(RunRequest request, RunListener listener, RunServices services) {
        this.request = request;
        this.listener = listener;
        this.services = services;
        this.clock = services.clock();
        this.timeline = new TimelineRecorder(clock);
        this.reporter = new RunReporter(request, listener, services.environment());
    }

    /** A run of several modules; for now, module after module. */
    public TestRun(ReactorRequest request, RunListener listener, RunServices services) {
        this(request.lead(), listener, services);
        this.modules = request.modules();
    }

    private List<RunRequest> modules = List.of();

    /** Runs every module's tests and gives each module's outcome. */
    public ReactorOutcome runAll() {
        List<ReactorOutcome.ModuleOutcome> outcomes = new java.util.ArrayList<>();
        for (RunRequest module : modules) {
            try {
                outcomes.add(new ReactorOutcome.ModuleOutcome(
                        module.module().projectKey(), new TestRun(module, listener, services).run(), ""));
            } catch (NoTestsException e) {
                outcomes.add(new ReactorOutcome.ModuleOutcome(
                        module.module().projectKey(),
                        new RunOutcome(Summary.EMPTY, module.module().reportsDirectory()),
                        e.getMessage()));
            }
        }
        return new ReactorOutcome(outcomes);
    }

    public RunOutcome run() {
        SelectionPlan selection = SelectionPlan.resolve(request.selection());
        if (selection.classNames().isEmpty()) {
            return noTests();
        }
        try (ModuleLock lock = ModuleLock.acquire(request.module().workDirectory(), listener, clock)) {
            return run(selection);
        }
    }

    private RunOutcome run(SelectionPlan selection) {
        String runId = newRunId();
        List<TestResult> results;
        Map<String, TestNode> byId;
        RunProgress progress;
        try (ResilientStore store = services.stores().open(request);
                RunDocuments documents = new RunDocuments(store, runId, listener);
                Provisioner provisioner = services.provisioners().open(request, store, listener);
                AbortGuard guard = new AbortGuard(provisioner)) {
            ConsoleReport.header().forEach(listener::line);
            RunShipper shipper = new RunShipper(request, store, listener);
            Shipment shipment = timings.time("shipping", shipper::shipTests);
            warnOfWithheldSecrets();
            store.put(StoreKeys.manifest(runId), Documents.write(Manifests.create(runId, request, shipment)));
            int workers = Math.min(
                    request.scheduling().workers(), selection.classNames().size());
            WorkerStarter starter = new WorkerStarter(request, provisioner, store, runId, shipper, timeline, clock);
            // Local workers start before discovery and warm up their test JVMs while it runs. Cloud instances cost
            // money: they start only once discovery has found something to run.
            if (request.cloud().isLocal()) {
                starter.first(workers);
            }
            CachedDiscovery discovery = new CachedDiscovery(request, services.discoverer());
            List<TestNode> nodes = timings.time("discovery", () -> discovery.discover(selection, shipment));
            byId = Units.byId(nodes);
            List<TestNode> methodLevel = Units.methodLevel(nodes).stream()
                    .filter(n -> !n.hasMethod() || selection.methodFilter().accepts(n.className(), n.methodName()))
                    .toList();
            if (methodLevel.isEmpty()) {
                return noneDiscovered();
            }
            List<WorkerHandle> handles = starter.first(workers);
            // A store the user named (S3, a shared directory) is shared with other machines: so is the history.
            SharedTimings timingHistory = new SharedTimings(
                    request.module().workDirectory().resolve("timings.json"),
                    request.store().location().isEmpty() ? Optional.empty() : Optional.of(store),
                    request.module().projectKey());
            TimingHistory history = timingHistory.read();
            Scheduling scheduling = request.scheduling();
            List<Unit> units = Units.of(nodes, methodLevel, scheduling.granularity());
            List<Task> tasks = Planner.plan(
                            units,
                            workers,
                            scheduling.tasksPerWorker(),
                            scheduling.targetTaskSeconds(),
                            history::expected,
                            scheduling
                                    .runOrder()
                                    .tieBreak(
                                            units,
                                            history.failed(),
                                            LocalDateTime.now(clock).getHour()))
                    .stream()
                    .map(task -> task.measuredBy(history))
                    .toList();
            listener.line(ConsoleLine.info(String.format(
                    Locale.ROOT,
                    "cloudist: %d tests in %d classes, %d tasks on %d %s workers",
                    units.stream().mapToInt(Unit::tests).sum(),
                    units.stream().map(Unit::className).distinct().count(),
                    tasks.size(),
                    workers,
                    request.cloud().backend())));
            Replacements replacements = new Replacements(scheduling.maxWorkerRestarts(), starter::start);
            // Heartbeats are judged on the store's uptime: nobody can beat while the store is out.
            progress = new RunProgress(listener, byId, tasks, request.reportStyle());
            Coordinator coordinator = new Coordinator(
                            store,
                            runId,
                            handles,
                            new BothListeners(progress, timeline),
                            request.cloud().isLocal() ? CoordinatorSettings.LOCAL : CoordinatorSettings.CLOUD,
                            replacements,
                            store.uptimeClock(clock),
                            request.failurePolicy().skipAfterFailureCount())
                    .abortingWhen(guard::aborting);
            Coordinator.Outcome outcome = timings.time("tests", () -> coordinator.run(tasks));
            results = Outcomes.complete(outcome, methodLevel, byId);
            timingHistory.record(history, Measurements.history(units, results));
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
        Map<String, TestNode> discovered = byId;
        RunProgress console = progress;
        RunReporter.Reported reported = timings.time("reporting", () -> reporter.report(results, discovered, console));
        listener.line(ConsoleLine.info("cloudist: time spent: " + timings));
        Path timelineReport = reporter.writeTimeline(timeline, runId, reported.outcome(), results);
        reporter.writeStepSummary(reported, timelineReport);
        return reported.outcome();
    }

    /** Workers elsewhere do not get what looks secret and is not allowed: say so, naming it, never its value. */
    private void warnOfWithheldSecrets() {
        List<String> names = request.secrets().withheldNames();
        if (!request.cloud().isLocal() && !names.isEmpty()) {
            listener.line(ConsoleLine.warn(
                    "cloudist: not passed to workers on " + request.cloud().backend()
                            + ", as they look secret and would be kept in the store: " + String.join(", ", names)
                            + ". If the tests need them, allow them by name with "
                            + CloudistParameters.ALLOWED_SECRETS.displayName() + "."));
        }
    }

    /**
     * No test class is selected: Surefire's "No tests to run.", or its build failure when failIfNoSpecifiedTests (for
     * a {@code test} pattern) or failIfNoTests asks.
     */
    private RunOutcome noTests() {
        if (!request.selection().test().isEmpty() && request.failurePolicy().failIfNoSpecifiedTests()) {
            throw NoTestsException.noneMatching(request.selection().test());
        }
        if (request.failurePolicy().failIfNoTests()) {
            throw NoTestsException.none();
        }
        listener.line(ConsoleLine.info("No tests to run."));
        return new RunOutcome(Summary.EMPTY, request.module().reportsDirectory());
    }

    /**
     * Classes were selected but discovery left no test in them (a method pattern, tags, classes without tests).
     * Surefire runs them and finds nothing: only {@code failIfNoTests} fails the build, and the Results block shows
     * zero tests.
     */
    private RunOutcome noneDiscovered() {
        if (request.failurePolicy().failIfNoTests()) {
            throw NoTestsException.none();
        }
        ConsoleReport.results(List.of(), request.failurePolicy().rerunFailingTestsCount())
                .forEach(listener::line);
        return new RunOutcome(Summary.EMPTY, request.module().reportsDirectory());
    }

    /** The run's time on the injected clock, and a random suffix so that runs of the same second differ. */
    private String newRunId() {
        return LocalDateTime.now(clock).format(RUN_ID_TIME) + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }
}
