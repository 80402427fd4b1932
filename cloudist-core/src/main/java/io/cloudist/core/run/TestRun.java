package io.cloudist.core.run;

import io.cloudist.core.CloudistException;
import io.cloudist.core.CloudistParameters;
import io.cloudist.core.NoTestsException;
import io.cloudist.core.RunListener;
import io.cloudist.core.RunOutcome;
import io.cloudist.core.RunRequest;
import io.cloudist.core.coordinate.Coordinator;
import io.cloudist.core.coordinate.CoordinatorSettings;
import io.cloudist.core.coordinate.Replacements;
import io.cloudist.core.discover.Discovery;
import io.cloudist.core.discover.DiscoveryCache;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestResult;
import io.cloudist.core.plan.Planner;
import io.cloudist.core.plan.Task;
import io.cloudist.core.plan.TimingHistory;
import io.cloudist.core.plan.Unit;
import io.cloudist.core.plan.Units;
import io.cloudist.core.protocol.BlobRef;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.provision.Provisioner;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.provision.WorkerLaunch;
import io.cloudist.core.report.ClassReport;
import io.cloudist.core.report.ConsoleLine;
import io.cloudist.core.report.ConsoleReport;
import io.cloudist.core.report.Reports;
import io.cloudist.core.report.StepSummary;
import io.cloudist.core.report.Summary;
import io.cloudist.core.select.SelectionPlan;
import io.cloudist.core.ship.BundleShipper;
import io.cloudist.core.ship.ProjectTree;
import io.cloudist.core.ship.Shipment;
import io.cloudist.core.store.ResilientStore;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import io.cloudist.core.timeline.TimelineFiles;
import io.cloudist.core.timeline.TimelineRecorder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/** One run, step by step: select, ship, provision, discover, plan, coordinate, report. */
public final class TestRun {
    private final RunRequest request;
    private final RunListener listener;
    private final Clock clock;
    private final Timings timings = new Timings();
    private final TimelineRecorder timeline;
    /** The worker agent's classpath in the store, shipped once, when the first cloud worker starts. */
    private List<BlobRef> workerBundle;
    /** The per-class console of the run, once its tasks are planned. */
    private RunProgress progress;
    /** The run's reports, once written. */
    private List<ClassReport> classReports;

    public TestRun(RunRequest request, RunListener listener, Clock clock) {
        this.request = request;
        this.listener = listener;
        this.clock = clock;
        this.timeline = new TimelineRecorder(clock);
    }

    public RunOutcome run() {
        SelectionPlan selection = SelectionPlan.resolve(request.selection());
        if (selection.classNames().isEmpty()) {
            return noTests();
        }
        try (ModuleLock lock = ModuleLock.acquire(request.workDirectory(), listener, clock)) {
            return run(selection);
        }
    }

    private RunOutcome run(SelectionPlan selection) {
        String runId = newRunId();
        List<TestResult> results;
        Map<String, TestNode> byId;
        try (ResilientStore store = Backends.store(request);
                RunDocuments documents = new RunDocuments(store, runId, listener);
                Provisioner provisioner = Backends.provisioner(request, store, listener);
                AbortGuard guard = new AbortGuard(provisioner)) {
            ConsoleReport.header().forEach(listener::line);
            Shipment shipment = timings.time("shipping", () -> ship(store));
            warnOfWithheldSecrets();
            store.put(StoreKeys.manifest(runId), Documents.write(Manifests.create(runId, request, shipment)));
            int workers = Math.min(request.workers(), selection.classNames().size());
            // Local workers start before discovery and warm up their test JVMs while it runs. Cloud instances cost
            // money: they start only once discovery has found something to run.
            boolean local = request.cloud().isLocal();
            List<WorkerHandle> handles = local ? startWorkers(provisioner, store, runId, workers) : List.of();

            List<TestNode> nodes = timings.time("discovery", () -> discover(selection, shipment));
            byId = Units.byId(nodes);
            List<TestNode> methodLevel = Units.methodLevel(nodes).stream()
                    .filter(n -> !n.hasMethod() || selection.methodFilter().accepts(n.className(), n.methodName()))
                    .toList();
            if (methodLevel.isEmpty()) {
                return noneDiscovered();
            }
            if (!local) {
                handles = startWorkers(provisioner, store, runId, workers);
            }
            // A store the user named (S3, a shared directory) is shared with other machines: so is the history.
            SharedTimings timingHistory = new SharedTimings(request.workDirectory().resolve("timings.json"),
                    request.store().isEmpty() ? Optional.empty() : Optional.of(store), request.projectKey());
            TimingHistory history = timingHistory.read();
            List<Unit> units = Units.of(nodes, methodLevel, request.granularity());
            List<Task> tasks = Planner.plan(units, workers, request.tasksPerWorker(), request.targetTaskSeconds(),
                    history::expected, request.runOrder().tieBreak(units, history.failed(),
                            LocalDateTime.now(clock).getHour()))
                    .stream()
                    .map(task -> task.measuredBy(history))
                    .toList();
            listener.line(ConsoleLine.info(String.format(Locale.ROOT,
                    "cloudist: %d tests in %d classes, %d tasks on %d %s workers",
                    units.stream().mapToInt(Unit::tests).sum(),
                    units.stream().map(Unit::className).distinct().count(), tasks.size(), workers,
                    request.cloud().backend())));
            Replacements replacements = new Replacements(request.maxWorkerRestarts(),
                    n -> startWorkers(provisioner, store, runId, n));
            // Heartbeats are judged on the store's uptime: nobody can beat while the store is out.
            progress = new RunProgress(listener, byId, tasks, request.reportStyle());
            Coordinator coordinator = new Coordinator(store, runId, handles, new BothListeners(progress, timeline),
                    request.cloud().isLocal() ? CoordinatorSettings.LOCAL : CoordinatorSettings.CLOUD, replacements,
                    store.uptimeClock(clock), request.skipAfterFailureCount()).abortingWhen(guard::aborting);
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
        RunOutcome result = timings.time("reporting", () -> report(results, discovered));
        listener.line(ConsoleLine.info("cloudist: time spent: " + timings));
        Path timelineReport = writeTimeline(runId, result, results);
        writeStepSummary(result, timelineReport);
        return result;
    }

    /**
     * On GitHub Actions, appends a short Markdown summary of the run to the job's page; a summary that cannot be
     * written costs a warning, never the build.
     */
    private void writeStepSummary(RunOutcome outcome, Path timelineReport) {
        String file = System.getenv(StepSummary.GITHUB_STEP_SUMMARY);
        if (file == null || file.isBlank() || classReports == null) {
            return;
        }
        String key = request.projectKey();
        try {
            StepSummary.append(Path.of(file), StepSummary.markdown(key.substring(key.lastIndexOf(':') + 1),
                    classReports, outcome.summary(), timelineReport));
        } catch (IOException | RuntimeException e) {
            listener.line(ConsoleLine.warn("cloudist: the step summary was not written to " + file + " ("
                    + e.getMessage() + ")"));
        }
    }

    /** Workers elsewhere do not get what looks secret and is not allowed: say so, naming it, never its value. */
    private void warnOfWithheldSecrets() {
        List<String> names = request.secrets().withheldNames();
        if (!request.cloud().isLocal() && !names.isEmpty()) {
            listener.line(ConsoleLine.warn("cloudist: not passed to workers on " + request.cloud().backend()
                    + ", as they look secret and would be kept in the store: " + String.join(", ", names)
                    + ". If the tests need them, allow them by name with "
                    + CloudistParameters.ALLOWED_SECRETS.displayName() + "."));
        }
    }

    /** Discovers the test plan in a forked JVM, unless nothing it depends on changed since the last run. */
    private List<TestNode> discover(SelectionPlan selection, Shipment shipment) {
        List<String> parts = new ArrayList<>();
        shipment.classpath().forEach(ref -> parts.add(ref.sha256()));
        parts.addAll(selection.classNames());
        parts.add(selection.includeTags());
        parts.add(selection.excludeTags());
        parts.add(String.join(",", selection.includeEngines()) + "/" + String.join(",", selection.excludeEngines()));
        new TreeMap<>(request.testJvm().configurationParameters()).forEach((k, v) -> parts.add("config " + k + "=" + v));
        parts.add(request.testJvm().javaExecutable().toString());
        parts.add(request.testJvm().argLine());
        new TreeMap<>(request.testJvm().systemProperties()).forEach((k, v) -> parts.add(k + "=" + v));
        String key = DiscoveryCache.key(parts);
        Path scratch = request.workDirectory().resolve("discovery");
        DiscoveryCache cache = new DiscoveryCache(scratch.resolve("cache.json"));
        return cache.get(key).orElseGet(() -> {
            List<TestNode> nodes = Discovery.discover(request.testJvm(), request.runnerJar(), selection, scratch);
            cache.put(key, nodes);
            return nodes;
        });
    }

    private List<WorkerHandle> startWorkers(Provisioner provisioner, Store store, String runId, int workers) {
        if (workerBundle == null) {
            workerBundle = request.cloud().isLocal() ? List.of() : shipWorker(store);
        }
        long started = clock.millis();
        List<WorkerHandle> handles = provisioner.start(new WorkerLaunch(store.location(), runId, workers, workerBundle,
                request.storeOutageSeconds()));
        timeline.workersStarted(handles, started);
        return handles;
    }

    /** Writes run.json and report.html; a run's diagnostics never fail its build. */
    private Path writeTimeline(String runId, RunOutcome outcome, List<TestResult> results) {
        try {
            Path report = TimelineFiles.write(request.workDirectory(),
                    timeline.timeline(runId, request.cloud().backend(), outcome.summary(), results));
            listener.line(ConsoleLine.info("cloudist: run timeline: " + report + " (data: " + TimelineFiles.JSON + ")"));
            return report;
        } catch (CloudistException e) {
            listener.line(ConsoleLine.warn(e.getMessage()));
            return null;
        }
    }

    /** Ships the worker agent's own classpath, for workers that boot elsewhere and fetch it from the store. */
    private List<BlobRef> shipWorker(Store store) {
        Shipment shipment = new BundleShipper(store, request.moduleDirectory(), request.workDirectory().resolve("ship"))
                .ship(request.workerClasspath(), List.of());
        listener.line(ConsoleLine.info(String.format(Locale.ROOT,
                "cloudist: shipped the worker agent: %d of %d blobs (%,d of %,d bytes) in %d ms", shipment.uploaded(),
                shipment.blobs(), shipment.bytesUploaded(), shipment.bytesTotal(), shipment.elapsed().toMillis())));
        return shipment.classpath();
    }

    private Shipment ship(Store store) {
        List<Path> classpath = new ArrayList<>(request.testJvm().classpath());
        classpath.add(request.runnerJar());
        // Local workers run in the module itself; workers elsewhere need the project's files.
        ProjectTree tree = request.cloud().isLocal() ? null : request.projectTree();
        Shipment shipment = new BundleShipper(store, request.moduleDirectory(), request.workDirectory().resolve("ship"))
                .ship(classpath, request.extraFiles(), tree);
        shipment.unmatchedGlobWarnings(request.moduleDirectory()).forEach(w -> listener.line(ConsoleLine.warn(w)));
        shipment.warnings().forEach(w -> listener.line(ConsoleLine.warn(w)));
        listener.line(ConsoleLine.info(String.format(Locale.ROOT, "cloudist: shipped %d of %d blobs (%,d of %,d bytes)%s"
                + " in %d ms", shipment.uploaded(), shipment.blobs(), shipment.bytesUploaded(), shipment.bytesTotal(),
                shipment.projectFiles() == 0 ? "" : String.format(Locale.ROOT, ", %,d project files",
                        shipment.projectFiles()),
                shipment.elapsed().toMillis())));
        return shipment;
    }

    private RunOutcome report(List<TestResult> results, Map<String, TestNode> discovered) {
        Map<String, TestNode> all = new HashMap<>(discovered);
        results.forEach(r -> all.putIfAbsent(r.uniqueId(), r.node()));
        List<ClassReport> reports = Reports.group(results, all, request.reportStyle());
        classReports = reports;
        try {
            Reports.write(request.reportsDirectory(), reports, ReportProperties.of(request), request.reportStyle());
            if (request.reportStyle().redirectTestOutputToFile() && progress != null) {
                Reports.writeOutput(request.reportsDirectory(), progress.printedPerClass());
            }
        } catch (IOException e) {
            throw new CloudistException("Cannot write the test reports to " + request.reportsDirectory() + ": "
                    + e.getMessage(), e);
        }
        ConsoleReport.results(reports, request.rerunFailingTestsCount()).forEach(listener::line);
        Summary summary = Summary.total(reports, request.rerunFailingTestsCount());
        return new RunOutcome(summary, request.reportsDirectory());
    }

    /**
     * No test class is selected: Surefire's "No tests to run.", or its build failure when failIfNoSpecifiedTests (for
     * a {@code test} pattern) or failIfNoTests asks.
     */
    private RunOutcome noTests() {
        if (!request.selection().test().isEmpty() && request.failIfNoSpecifiedTests()) {
            throw NoTestsException.noneMatching(request.selection().test());
        }
        if (request.failIfNoTests()) {
            throw NoTestsException.none();
        }
        listener.line(ConsoleLine.info("No tests to run."));
        return new RunOutcome(Summary.EMPTY, request.reportsDirectory());
    }

    /**
     * Classes were selected but discovery left no test in them (a method pattern, tags, classes without tests).
     * Surefire runs them and finds nothing: only {@code failIfNoTests} fails the build, and the Results block shows
     * zero tests.
     */
    private RunOutcome noneDiscovered() {
        if (request.failIfNoTests()) {
            throw NoTestsException.none();
        }
        ConsoleReport.results(List.of(), request.rerunFailingTestsCount()).forEach(listener::line);
        return new RunOutcome(Summary.EMPTY, request.reportsDirectory());
    }

    private static String newRunId() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }

}
