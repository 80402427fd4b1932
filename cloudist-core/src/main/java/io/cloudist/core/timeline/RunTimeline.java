package io.cloudist.core.timeline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.cloudist.core.protocol.Documents;
import java.util.List;
import java.util.Objects;

/**
 * {@code target/cloudist/run.json}: where a run's time went, worker by worker and task by task. Times are epoch
 * millis (0 when a moment never came), durations seconds.
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
        List<ModuleTime> modules)
        implements Documents.Versioned {
    public RunTimeline {
        modules = modules == null ? List.of() : List.copyOf(modules);
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
     */
    public record CriticalPath(
            String workerId,
            List<String> taskIds,
            String longestTaskId,
            String longestTaskWorkerId,
            double longestTaskSeconds) {
        public CriticalPath {
            taskIds = List.copyOf(taskIds);
        }

        static final CriticalPath NONE = new CriticalPath("", List.of(), "", "", 0);
    }

    /**
     * @param id the worker's id
     * @param startedMillis when the run asked the provisioner for it
     * @param readyMillis when it took its first task (0 if it never did)
     * @param busySeconds the sum of its tasks' times, taken to finished
     * @param utilisation busy time ÷ the run's makespan
     * @param lostMillis when the run gave up on it (0 if it was not lost)
     * @param lostReason why (empty if it was not lost)
     * @param tasks its tasks in the order they were assigned
     */
    public record Worker(
            String id,
            long startedMillis,
            long readyMillis,
            double busySeconds,
            double utilisation,
            long lostMillis,
            String lostReason,
            List<TaskSpan> tasks) {
        public Worker {
            Objects.requireNonNull(id, "id");
            lostReason = Objects.requireNonNullElse(lostReason, "");
            tasks = List.copyOf(tasks);
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
     * @param outcome {@code passed}, {@code failed} (a test failed or erred), or {@code lost} (no result came)
     * @param classes the top-level classes it ran
     * @param tests every test outcome it reported
     * @param module the module whose tests it ran; "" in a run of one module
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
            String module) {
        /** A task of a run of one module. */
        public TaskSpan(
                String taskId,
                int attempt,
                long queuedMillis,
                long startedMillis,
                long firstTestMillis,
                long finishedMillis,
                String outcome,
                List<String> classes,
                List<TestTime> tests) {
            this(
                    taskId,
                    attempt,
                    queuedMillis,
                    startedMillis,
                    firstTestMillis,
                    finishedMillis,
                    outcome,
                    classes,
                    tests,
                    "");
        }

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
