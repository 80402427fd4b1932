package io.cloudist.core.timeline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.cloudist.core.protocol.Documents;
import java.util.List;
import java.util.Objects;

/**
 * {@code target/cloudist/run.json}: where a run's time went, worker by worker and task by task. Times are epoch
 * millis (0 when a moment never came), durations seconds. A {@code run.json} written before a field was added reads
 * with that field empty (an empty list, 0).
 *
 * @param schema document schema version
 * @param runId the run
 * @param backend where the workers ran ({@code local}, {@code ec2})
 * @param startMillis when the run started
 * @param endMillis when its tests were all accounted for
 * @param totals the run's counts and its times against the lower bound
 * @param overhead what a worker idles between two of its tasks
 * @param criticalPath the chain of tasks that ended last, and the longest single task
 * @param workers every worker the run started, replacements included
 * @param classes every top-level class's test time, longest first
 * @param failures every test whose last outcome was a failure or an error
 * @param modules each module's tasks and test time, in the order of their first task; one entry for a module's run
 * @param coordinator what the coordinator itself did while the workers waited on it: its discovery of the tests
 * @param phases the workers' time, phase by phase, over all workers, and the share of it spent starting up
 * @param cores the processors of the machine that ran the build (and the local workers); 0 when not known
 * @param warnings what may have made the run slower than it needed to be, e.g. more local workers than cores
 * @param flakes every test that failed, then passed on a rerun, with its first failure
 */
public record RunTimeline(
        int schema,
        String runId,
        String backend,
        long startMillis,
        long endMillis,
        Totals totals,
        Overhead overhead,
        CriticalPath criticalPath,
        List<Worker> workers,
        List<ClassTime> classes,
        List<FailedTest> failures,
        List<ModuleTime> modules,
        List<PhaseSpan> coordinator,
        PhaseTotals phases,
        int cores,
        List<String> warnings,
        List<FailedTest> flakes)
        implements Documents.Versioned {
    public RunTimeline {
        modules = modules == null ? List.of() : List.copyOf(modules);
        coordinator = coordinator == null ? List.of() : List.copyOf(coordinator);
        phases = phases == null ? PhaseTotals.NONE : phases;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        flakes = flakes == null ? List.of() : List.copyOf(flakes);
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(overhead, "overhead");
        Objects.requireNonNull(criticalPath, "criticalPath");
        workers = List.copyOf(workers);
        classes = List.copyOf(classes);
        failures = List.copyOf(failures);
    }

    /**
     * The run's counts and times.
     *
     * @param tests tests reported, as in Surefire's totals
     * @param failures failed tests
     * @param errors tests in error
     * @param skipped skipped tests
     * @param workerSlots workers the run asked for (replacements take a lost worker's slot)
     * @param wallSeconds from the run's start to its end
     * @param makespanSeconds from the first assignment written to the last task finished
     * @param testSeconds the sum of every test's time
     * @param lowerBoundSeconds no schedule beats max(test time ÷ worker slots, longest class)
     * @param makespanOverLowerBound the makespan ÷ the lower bound (1 is perfect); 0 when there is no bound
     */
    public record Totals(
            int tests,
            int failures,
            int errors,
            int skipped,
            int workerSlots,
            double wallSeconds,
            double makespanSeconds,
            double testSeconds,
            double lowerBoundSeconds,
            double makespanOverLowerBound) {}

    /**
     * The time from one task's result to the next task's first test on the same worker: result written, next
     * assignment read, test JVM reused or started.
     *
     * @param samples how many pairs of consecutive tasks were measured
     * @param medianMillis the median gap
     * @param p90Millis the 90th percentile gap
     */
    public record Overhead(int samples, long medianMillis, long p90Millis) {}

    /**
     * @param workerId the worker whose last task finished last (empty when no task finished)
     * @param taskIds that worker's tasks, in the order it ran them
     * @param longestTaskId the longest single task
     * @param longestTaskWorkerId the worker that ran it
     * @param longestTaskSeconds its time from taken to finished
     * @param classes the top-level classes of the path's tasks, in the order they ran
     */
    public record CriticalPath(
            String workerId,
            List<String> taskIds,
            String longestTaskId,
            String longestTaskWorkerId,
            double longestTaskSeconds,
            List<String> classes) {
        public CriticalPath {
            taskIds = List.copyOf(taskIds);
            classes = classes == null ? List.of() : List.copyOf(classes);
        }

        static final CriticalPath NONE = new CriticalPath("", List.of(), "", "", 0, List.of());
    }

    /**
     * One stretch of a worker's (or the coordinator's) time in one phase. A worker's stretches follow each other from
     * its start to its end, without gap or overlap.
     *
     * @param phase what it was doing
     * @param fromMillis when the stretch began
     * @param toMillis when it ended
     * @param taskId the task it belongs to; "" for time between tasks
     */
    public record PhaseSpan(Phase phase, long fromMillis, long toMillis, String taskId) {
        public PhaseSpan {
            Objects.requireNonNull(phase, "phase");
            taskId = Objects.requireNonNullElse(taskId, "");
        }

        /** Its length in seconds. */
        @JsonIgnore
        public double seconds() {
            return (toMillis - fromMillis) / 1000.0;
        }
    }

    /**
     * The workers' time, phase by phase.
     *
     * @param workerSeconds every worker's time from its start to its end, summed
     * @param byPhase that time per phase, in the order of {@link Phase}
     * @param startupShare the share of it spent starting up: {@link Phase#startsUp() process start or instance
     *     boot, and test JVM start}; 0 when there is no worker time
     */
    public record PhaseTotals(double workerSeconds, List<PhaseTime> byPhase, double startupShare) {
        public PhaseTotals {
            byPhase = byPhase == null ? List.of() : List.copyOf(byPhase);
        }

        static final PhaseTotals NONE = new PhaseTotals(0, List.of(), 0);

        /** The seconds of one phase; 0 when none was spent in it. */
        public double seconds(Phase phase) {
            return byPhase.stream()
                    .filter(p -> p.phase() == phase)
                    .mapToDouble(PhaseTime::seconds)
                    .sum();
        }
    }

    /**
     * @param phase a phase
     * @param seconds the time all workers spent in it
     */
    public record PhaseTime(Phase phase, double seconds) {}

    /**
     * @param id the worker's id
     * @param startedMillis when the run asked the provisioner for it
     * @param readyMillis when it took its first task (0 if it never did)
     * @param busySeconds the sum of its tasks' times, taken to finished
     * @param utilisation busy time ÷ the run's makespan
     * @param lostMillis when the run gave up on it (0 if it was not lost)
     * @param lostReason why (empty if it was not lost)
     * @param tasks its tasks in the order they were assigned
     * @param endMillis the end of its time in the run: when it was lost, else when the run's last result was read
     * @param phases its time from its start to its end, phase by phase, in order
     */
    public record Worker(
            String id,
            long startedMillis,
            long readyMillis,
            double busySeconds,
            double utilisation,
            long lostMillis,
            String lostReason,
            List<TaskSpan> tasks,
            long endMillis,
            List<PhaseSpan> phases) {
        public Worker {
            Objects.requireNonNull(id, "id");
            lostReason = Objects.requireNonNullElse(lostReason, "");
            tasks = List.copyOf(tasks);
            phases = phases == null ? List.of() : List.copyOf(phases);
        }

        /** Its time in the run, from its start to its end, in seconds. */
        @JsonIgnore
        public double wallSeconds() {
            return phases.isEmpty()
                    ? 0
                    : (phases.get(phases.size() - 1).toMillis() - phases.get(0).fromMillis()) / 1000.0;
        }
    }

    /**
     * One assignment of a task to a worker.
     *
     * @param taskId the task
     * @param attempt the attempt (2 or more after a lost worker)
     * @param queuedMillis when the coordinator wrote the assignment
     * @param startedMillis when the worker took it
     * @param firstTestMillis when its first test started
     * @param finishedMillis when the worker finished it
     * @param outcome {@code passed}; {@code failed} (a test's last run failed), else {@code error} (a test's or a
     *     class's last run ended in an error), else {@code flaky} (a test failed, then passed on a rerun); or
     *     {@code lost} (no result came)
     * @param classes the top-level classes it ran
     * @param tests every test outcome it reported
     * @param module the module whose tests it ran; "" in a run of one module
     * @param collectedMillis when the coordinator read its result (the coordinator's clock); 0 when it did not
     */
    public record TaskSpan(
            String taskId,
            int attempt,
            long queuedMillis,
            long startedMillis,
            long firstTestMillis,
            long finishedMillis,
            String outcome,
            List<String> classes,
            List<TestTime> tests,
            String module,
            long collectedMillis) {
        public TaskSpan {
            Objects.requireNonNull(taskId, "taskId");
            module = Objects.requireNonNullElse(module, "");
            classes = List.copyOf(classes);
            tests = List.copyOf(tests);
        }

        /** Its time from taken to finished; 0 when it did not finish. */
        @JsonIgnore
        public double seconds() {
            return finishedMillis == 0 ? 0 : (finishedMillis - startedMillis) / 1000.0;
        }
    }

    /**
     * One module's share of the run.
     *
     * @param module the module's {@code groupId:artifactId}; "" in a run of one module
     * @param tasks its tasks that finished
     * @param tests the tests they reported
     * @param seconds the sum of its tasks' times, from taken to finished
     */
    public record ModuleTime(String module, int tasks, int tests, double seconds) {}

    /**
     * @param id the test's unique id
     * @param className its top-level class
     * @param name the name Surefire reports
     * @param seconds its time
     * @param status {@code PASSED}, {@code FAILED}, {@code ERROR} or {@code SKIPPED}
     */
    public record TestTime(String id, String className, String name, double seconds, String status) {}

    /**
     * @param className a top-level class
     * @param seconds the sum of its tests' times
     * @param tests its test outcomes
     */
    public record ClassTime(String className, double seconds, int tests) {}

    /**
     * @param className the class of the test
     * @param name the name Surefire reports
     * @param status {@code FAILED} or {@code ERROR}
     * @param type the exception's type
     * @param message its message
     */
    public record FailedTest(String className, String name, String status, String type, String message) {}
}
