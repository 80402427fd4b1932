package io.cloudist.worker;

import io.cloudist.core.CloudistException;
import io.cloudist.core.jvm.Tail;
import io.cloudist.core.model.ConsoleEntry;
import io.cloudist.core.model.Failure;
import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestResult;
import io.cloudist.core.protocol.Assignment;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.TaskResult;
import io.cloudist.core.protocol.WorkerTimes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs assignments in test JVMs. A JVM that dies or times out costs only the test in progress: it gets an error
 * with the reason and the JVM's last output, and the task's tests that had not started run in a new JVM. A JVM
 * that dies twice before running anything (e.g. a bad argLine) turns the rest of the batch into errors. With
 * {@code rerunFailingTestsCount}, the failed nodes of each batch run again before the next batch (see {@link Reruns}).
 */
final class TaskRunner implements AutoCloseable {
    static final String CRASH = "cloudist.TestJvmCrash";
    static final String TIMEOUT = "cloudist.TestJvmTimeout";
    static final String NOT_RUN = "cloudist.NotRun";
    private static final int TAIL_LINES = 30;
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);
    /** What a test JVM gets to start and reach its first test, on top of the timeout. */
    static final long STARTUP_ALLOWANCE_MILLIS = 120_000;

    private final TestJvmConfig config;
    private final Heartbeats heartbeats;
    private final TestJvms jvms;
    private final TestJvmClassData classData;
    /** Read by the look-ahead's thread too ({@link #jvmUp}). */
    private volatile TestJvm jvm;

    /** The JVM holding a preparation that no request has taken or dropped yet; guarded by this runner's lock. */
    private TestJvm preparedIn;

    private int jvmCount;
    private int requestCount;
    private boolean warmJvmUnused;
    private List<ConsoleEntry> console = new ArrayList<>();
    /** When the test JVM was spawned, until a task reports its start; 0 after. */
    private long jvmSpawnedMillis;
    /** The fetching of this module's files, until a task reports it; null after. */
    private WorkerTimes.Interval filesFetched;
    /** What the task in progress will report of its test JVMs' starts and its runner's first and last events. */
    private List<WorkerTimes.Interval> jvmStarts = new ArrayList<>();

    private long firstEventMillis;
    private long lastEventMillis;

    TaskRunner(TestJvmConfig config, Heartbeats heartbeats) {
        this(config, heartbeats, TestJvms.unlimited(), TestJvmClassData.off(config, ""));
    }

    /**
     * @param jvms starts the test JVMs (in its start slots, if any)
     * @param classData whether the test JVMs map a class data archive
     */
    TaskRunner(TestJvmConfig config, Heartbeats heartbeats, TestJvms jvms, TestJvmClassData classData) {
        this.config = config;
        this.heartbeats = heartbeats;
        this.jvms = jvms;
        this.classData = classData;
    }

    /** Starts the first test JVM ahead of the first task, so its start-up overlaps the coordinator's planning. */
    void warmUp() {
        if (jvm == null) {
            jvm = startJvm();
            warmJvmUnused = true;
        }
    }

    /**
     * Has the test JVM discover the first request of a task that this runner will run next, while it would otherwise
     * wait: a warm JVM that has run nothing yet discovers it at once; a JVM that runs the current task (when it serves
     * more than one request, {@code reuseForks}) discovers it once the current request ends, while the worker reports
     * that task. The task's tests then start without a discovery of their own. Nothing happens without a live JVM, or
     * when this JVM already holds a preparation that no request has taken yet. Called from the look-ahead's thread.
     */
    synchronized void prepare(List<String> uniqueIds) {
        TestJvm current = jvm;
        if (current == null
                || !current.isAlive()
                || uniqueIds.isEmpty()
                || preparedIn == current
                || !(warmJvmUnused || config.reuseForks())) {
            return;
        }
        Path request = config.scratch().resolve("prepared-" + (requestCount + 1) + ".txt");
        try {
            Files.write(request, requestLines(batches(uniqueIds).get(0)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.debug("Cannot write {}; the task's tests are discovered when it runs: {}", request, e.toString());
            return;
        }
        current.prepare(request);
        preparedIn = current;
    }

    /**
     * Whether this runner's test JVM is up: ready for requests, or already gone. Another module's JVM is started ahead
     * of its task only after this, so that it does not take a start slot and the cores from the task that runs now.
     */
    boolean jvmUp() {
        TestJvm current = jvm;
        return current != null && (current.isReady() || !current.isAlive());
    }

    /** This module's files were fetched (or found in place) then: the module's first task will say so. */
    void filesFetched(WorkerTimes.Interval fetched) {
        filesFetched = fetched;
    }

    /**
     * A JVM that mapped a class data archive and died before it ran anything blames the archive, which later JVMs do
     * without: a damaged archive costs one JVM start, never a test.
     */
    private void blameClassData(TestJvm dead, boolean ranNothing) {
        if (dead.mapsClassData() && ranNothing) {
            classData.discard(dead.exitCode());
        }
    }

    TaskResult run(Assignment assignment, String workerId) {
        long started = System.currentTimeMillis();
        List<TestResult> results = new ArrayList<>();
        console = new ArrayList<>();
        jvmStarts = new ArrayList<>();
        firstEventMillis = 0;
        lastEventMillis = 0;
        int startsBefore = jvmCount - (warmJvmUnused ? 1 : 0);
        warmJvmUnused = false;
        long firstTest = 0;
        for (List<String> batch : batches(assignment.uniqueIds())) {
            List<TestResult> batchResults = new ArrayList<>();
            long first = runBatch(batch, batchResults, results.size());
            firstTest = firstTest == 0 ? first : firstTest;
            results.addAll(batchResults);
            rerunFailures(batchResults, results);
            if (!config.reuseForks()) {
                closeJvm();
            }
        }
        return new TaskResult(
                Documents.SCHEMA,
                assignment.seq(),
                assignment.taskId(),
                workerId,
                assignment.attempt(),
                started,
                firstTest,
                System.currentTimeMillis(),
                jvmCount - startsBefore,
                results,
                console,
                times());
    }

    /** The worker's own times of the task that has just run; the module's files count in its first task only. */
    private WorkerTimes times() {
        List<WorkerTimes.Interval> files = filesFetched == null ? List.of() : List.of(filesFetched);
        filesFetched = null;
        return new WorkerTimes(0, files, jvmStarts, firstEventMillis, lastEventMillis);
    }

    private TestJvm startJvm() {
        jvmSpawnedMillis = System.currentTimeMillis();
        return jvms.start(config, ++jvmCount, classData.next());
    }

    /**
     * Runs the failed nodes of a batch again, right away and in the same test JVM, up to
     * {@code rerunFailingTestsCount} times or until none fails; every rerun's results are appended after the first
     * run's, so the reports see a node's runs in order.
     */
    private void rerunFailures(List<TestResult> firstRun, List<TestResult> results) {
        List<TestResult> previous = firstRun;
        for (int rerun = 0; rerun < config.rerunFailingTestsCount(); rerun++) {
            List<String> failed = Reruns.failedIds(previous);
            if (failed.isEmpty()) {
                return;
            }
            List<TestResult> again = new ArrayList<>();
            runBatch(failed, again, results.size());
            results.addAll(again);
            previous = again;
        }
    }

    /** @param offset how many results of the task come before this batch's, to place its transcript among them */
    private long runBatch(List<String> batch, List<TestResult> results, int offset) {
        List<String> remaining = batch;
        int silentDeaths = 0;
        long firstTest = 0;
        while (!remaining.isEmpty()) {
            if (jvm == null || !jvm.isAlive()) {
                if (jvm != null) {
                    blameClassData(jvm, !jvm.sentAnything());
                }
                jvm = startJvm();
            }
            EventCollector events = send(remaining, offset + results.size());
            Ending ending = watch(events);
            firstTest = firstTest == 0 ? events.firstTestMillis() : firstTest;
            long now = System.currentTimeMillis();
            noteTimes(events, ending == Ending.END ? events.lastEventMillis() : now);
            List<String> untouched =
                    remaining.stream().filter(id -> !events.touched(id)).toList();
            if (ending == Ending.END && !events.hasRunning()) {
                results.addAll(events.results());
                if (!events.error().isBlank()) {
                    untouched.forEach(id -> results.add(notRun(id, "The runner could not run it: " + events.error())));
                }
                return firstTest;
            }
            String tail = Tail.of(jvm.log(), TAIL_LINES);
            if (ending == Ending.END) {
                // The runner survived something that stopped the engine (e.g. an OutOfMemoryError JUnit rethrew).
                jvm.kill();
                events.blameRunning(
                        CRASH,
                        "The test JVM stopped running tests while this was running: "
                                + events.error().strip(),
                        tail,
                        now);
            } else if (ending == Ending.TIMEOUT) {
                jvm.kill();
                events.blameRunning(
                        TIMEOUT,
                        "The test JVM was killed after " + config.timeoutMillis() / 1000
                                + " s (cloudist.testTimeout) while this was running",
                        tail,
                        now);
            } else {
                events.blameRunning(CRASH, crashMessage(jvm.exitCode(), Tail.of(jvm.log(), 400)), tail, now);
            }
            results.addAll(events.results());
            if (ending == Ending.DIED) {
                blameClassData(jvm, !events.anyEvent());
            }
            silentDeaths = events.anyEvent() ? 0 : silentDeaths + 1;
            int code = jvm.exitCode();
            jvm = null;
            if (silentDeaths >= 2) {
                String why = ending == Ending.TIMEOUT
                        ? "Two test JVMs in a row ran nothing within cloudist.testTimeout ("
                                + config.timeoutMillis() / 1000 + " s) and " + STARTUP_ALLOWANCE_MILLIS / 1000
                                + " s to start. Last output:\n"
                                + tail
                        : "The test JVM could not start (exit code " + code + "). Check the argLine "
                                + config.jvmArguments() + " and the system properties. Last output:\n" + tail;
                untouched.forEach(id -> results.add(notRun(id, why)));
                return firstTest;
            }
            remaining = untouched;
        }
        return firstTest;
    }

    /**
     * Notes a request's times for the task's result: the start of its test JVM when this was the JVM's first request,
     * the runner's first event, and when the request's tests ended ({@code endedMillis}: its last event, or when the
     * JVM was found dead or timed out).
     */
    private void noteTimes(EventCollector events, long endedMillis) {
        if (jvmSpawnedMillis > 0) {
            jvmStarts.add(new WorkerTimes.Interval(jvmSpawnedMillis, events.readyMillis()));
            jvmSpawnedMillis = 0;
        }
        if (firstEventMillis == 0) {
            firstEventMillis = events.firstEventMillis();
        }
        lastEventMillis = Math.max(lastEventMillis, endedMillis);
    }

    private static String crashMessage(int exitCode, String log) {
        int oom = log.lastIndexOf("java.lang.OutOfMemoryError");
        if (oom >= 0) {
            String error = log.substring(oom).lines().findFirst().orElse("java.lang.OutOfMemoryError");
            return "The test JVM ran out of memory (" + error.strip() + ") and exited with code " + exitCode
                    + " while this was running";
        }
        return "The test JVM exited with code " + exitCode + " while this was running (" + exitCause(exitCode) + ")";
    }

    /**
     * What an exit code says: on Unix a process killed by signal N exits with 128 + N, which names the signal and
     * who usually sends it; anything else is the JVM's own exit (System.exit, or a crash).
     */
    static String exitCause(int exitCode) {
        String signal = exitCode > 128 && exitCode < 160 ? SIGNALS.get(exitCode - 128) : null;
        if (signal == null) {
            return "System.exit or a JVM crash?";
        }
        String name = "killed by signal " + (exitCode - 128) + " (SIG" + signal + ")";
        return switch (signal) {
            case "KILL" -> name + ": by the kernel's out-of-memory killer (see dmesg) or another process";
            case "TERM", "INT", "HUP" -> name + ": another process or the machine's shutdown stopped it";
            case "ABRT", "SEGV", "BUS", "ILL", "FPE" ->
                name + ": a JVM crash; look for hs_err_pid*.log in the test JVM's working directory";
            default -> name;
        };
    }

    private static final Map<Integer, String> SIGNALS = Map.ofEntries(
            Map.entry(1, "HUP"),
            Map.entry(2, "INT"),
            Map.entry(3, "QUIT"),
            Map.entry(4, "ILL"),
            Map.entry(5, "TRAP"),
            Map.entry(6, "ABRT"),
            Map.entry(7, "BUS"),
            Map.entry(8, "FPE"),
            Map.entry(9, "KILL"),
            Map.entry(10, "USR1"),
            Map.entry(11, "SEGV"),
            Map.entry(12, "USR2"),
            Map.entry(13, "PIPE"),
            Map.entry(14, "ALRM"),
            Map.entry(15, "TERM"),
            Map.entry(24, "XCPU"),
            Map.entry(25, "XFSZ"));

    private EventCollector send(List<String> uniqueIds, int resultsBefore) {
        int n = ++requestCount;
        Path request = config.scratch().resolve("request-" + n + ".txt");
        Path eventsFile = config.scratch().resolve("events-" + n + ".jsonl");
        try {
            List<String> lines = requestLines(uniqueIds);
            // A module's scratch outlives its test JVMs: a runner made again for it counts its requests from 1, and
            // must not read the events an earlier runner's JVM left under the same name.
            Files.deleteIfExists(eventsFile);
            Files.write(request, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CloudistException("Cannot write test JVM request " + request + ": " + e.getMessage(), e);
        }
        EventCollector events = new EventCollector(
                eventsFile,
                new EventCollector.Listener() {
                    @Override
                    public void testStarted(TestNode node) {
                        heartbeats.testStarted(node.displayName());
                    }

                    @Override
                    public void testFinished(TestResult result) {
                        heartbeats.testFinished();
                    }
                },
                console,
                resultsBefore);
        synchronized (this) {
            // the JVM takes or drops a preparation with its next request; the look-ahead's commands come in whole
            jvm.send(request, eventsFile);
            preparedIn = null;
        }
        return events;
    }

    /** A request's lines: the same tests always give the same lines, which is how a prepared request is known. */
    private List<String> requestLines(List<String> uniqueIds) {
        List<String> lines = new ArrayList<>();
        new TreeMap<>(config.configurationParameters()).forEach((k, v) -> lines.add("config " + k + "=" + v));
        uniqueIds.forEach(id -> lines.add("uniqueId " + id));
        return lines;
    }

    private enum Ending {
        END,
        DIED,
        TIMEOUT
    }

    /**
     * Waits for the runner to finish the request. The timeout counts from the request's first event (its engine or
     * class starting), as a user reads "the test took too long": the test JVM's start-up and the runner's discovery of
     * the request, slow on a loaded machine, are not counted; they get {@link #STARTUP_ALLOWANCE_MILLIS} of their
     * own on top.
     */
    private Ending watch(EventCollector events) {
        long sent = System.currentTimeMillis();
        long sleep = 1;
        while (true) {
            boolean alive = jvm.isAlive();
            // Poll often while events flow, back off while a long test runs: the pollers share the cores with it.
            sleep = events.poll() ? 1 : Math.min(sleep * 2, 64);
            if (events.ended()) {
                return Ending.END;
            }
            if (!alive) {
                return Ending.DIED;
            }
            if (System.currentTimeMillis() > deadline(sent, events.firstEventAt())) {
                return Ending.TIMEOUT;
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CloudistException("Interrupted while running tests", e);
            }
        }
    }

    private long deadline(long sent, long firstEventAt) {
        if (config.timeoutMillis() <= 0) {
            return Long.MAX_VALUE;
        }
        return firstEventAt > 0
                ? firstEventAt + config.timeoutMillis()
                : sent + config.timeoutMillis() + STARTUP_ALLOWANCE_MILLIS;
    }

    /** With reuseForks=false, a fresh JVM per top-level container (test class); else one batch. */
    private List<List<String>> batches(List<String> uniqueIds) {
        if (config.reuseForks()) {
            return List.of(uniqueIds);
        }
        Map<String, List<String>> byContainer = new LinkedHashMap<>();
        for (String id : uniqueIds) {
            int first = id.indexOf("]/[");
            int second = first < 0 ? -1 : id.indexOf("]/[", first + 1);
            String container = second < 0 ? id : id.substring(0, second + 1);
            byContainer.computeIfAbsent(container, k -> new ArrayList<>()).add(id);
        }
        return List.copyOf(byContainer.values());
    }

    private static TestResult notRun(String uniqueId, String why) {
        int last = uniqueId.lastIndexOf("/[");
        String name = last < 0 ? uniqueId : uniqueId.substring(last + 1);
        TestNode node = new TestNode(uniqueId, "", name, name, TestNode.Kind.TEST, "", "", "");
        return new TestResult(node, Status.ERROR, System.currentTimeMillis(), 0, Failure.of(NOT_RUN, why), "", "");
    }

    private void closeJvm() {
        if (jvm != null) {
            jvm.close();
            jvm = null;
        }
    }

    @Override
    public void close() {
        closeJvm();
    }
}
