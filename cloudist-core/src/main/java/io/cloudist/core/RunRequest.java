package io.cloudist.core;

import io.cloudist.core.jvm.TestJvmSecrets;
import io.cloudist.core.jvm.TestJvmSpec;
import io.cloudist.core.plan.Granularity;
import io.cloudist.core.plan.RunOrder;
import io.cloudist.core.cloud.CloudSettings;
import io.cloudist.core.report.ReportStyle;
import io.cloudist.core.ship.ProjectTree;
import io.cloudist.core.select.TestSelection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one {@code cloudist:test} run needs, already resolved from the POM, the module's Surefire
 * configuration and the {@code -D} properties. Paths are on the coordinator's machine.
 *
 * @param projectKey {@code groupId:artifactId}; keys the timing history
 * @param moduleDirectory the module's base directory
 * @param reportsDirectory where {@code TEST-*.xml} and {@code *.txt} go
 * @param workDirectory cloudist's own state ({@code target/cloudist}): timing history, local store, worker dirs
 * @param testJvm how each test JVM starts
 * @param selection which tests run
 * @param runnerJar the cloudist-runner jar, added to every test JVM's classpath
 * @param workerClasspath the worker agent's classpath (cloudist-worker and its dependencies)
 * @param granularity class or method units
 * @param tasksPerWorker target number of tasks per worker
 * @param workers number of workers
 * @param reuseForks true: a worker's test JVM runs task after task; false: a fresh JVM for each test class
 * @param testTimeout how long one test JVM may run one task before it is killed; {@link Duration#ZERO} for none
 * @param extraFiles globs relative to the module directory, shipped to the same paths on the workers
 * @param store the store location: empty for the default local directory, a path, or a URI
 * @param failIfNoTests fail when no test is found at all (Surefire's {@code failIfNoTests})
 * @param failIfNoSpecifiedTests fail when {@code test} matches nothing (Surefire's {@code failIfNoSpecifiedTests})
 * @param cloud where workers run ({@link CloudSettings#local()} for local worker processes)
 * @param rerunFailingTestsCount how many times a worker runs a failed test again (Surefire's
 *     {@code rerunFailingTestsCount}); 0 for never
 * @param maxWorkerRestarts how many lost workers may be replaced in the run
 * @param storeOutageSeconds how long the store may stay unreachable before the run stops (coordinator and workers)
 * @param targetTaskSeconds expected seconds of one task; 0 to make about {@code workers × tasksPerWorker} tasks
 * @param reportStyle how Surefire would have named the tests and written the reports
 * @param projectTree the project's files, shipped to workers that run elsewhere (local workers run in place)
 * @param runOrder Surefire's {@code runOrder}: how units of equal expected time are ordered
 * @param skipAfterFailureCount Surefire's {@code skipAfterFailureCount}: after this many failed tests, the tests
 *     not handed to a worker yet are skipped; 0 for never
 * @param allowedSecrets names of system properties and environment variables that may be stored although they look
 *     secret ({@link io.cloudist.core.jvm.Secrets}), so that workers elsewhere get them
 */
public record RunRequest(
        String projectKey,
        Path moduleDirectory,
        Path reportsDirectory,
        Path workDirectory,
        TestJvmSpec testJvm,
        TestSelection selection,
        Path runnerJar,
        List<Path> workerClasspath,
        Granularity granularity,
        int tasksPerWorker,
        int workers,
        boolean reuseForks,
        Duration testTimeout,
        List<String> extraFiles,
        String store,
        boolean failIfNoTests,
        boolean failIfNoSpecifiedTests,
        CloudSettings cloud,
        int rerunFailingTestsCount,
        int maxWorkerRestarts,
        int storeOutageSeconds,
        double targetTaskSeconds,
        ReportStyle reportStyle,
        ProjectTree projectTree,
        RunOrder runOrder,
        int skipAfterFailureCount,
        Set<String> allowedSecrets) {

    /** The test JVMs' system properties and environment variables that look secret and may not be stored. */
    public TestJvmSecrets secrets() {
        return TestJvmSecrets.of(testJvm, allowedSecrets);
    }

    public RunRequest {
        Objects.requireNonNull(projectKey, "projectKey");
        Objects.requireNonNull(moduleDirectory, "moduleDirectory");
        Objects.requireNonNull(reportsDirectory, "reportsDirectory");
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(testJvm, "testJvm");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(runnerJar, "runnerJar");
        workerClasspath = List.copyOf(workerClasspath);
        Objects.requireNonNull(granularity, "granularity");
        if (tasksPerWorker < 1) {
            throw new ConfigurationException(
                    CloudistProperties.TASKS_PER_WORKER,
                    String.valueOf(tasksPerWorker),
                    "set it to a whole number of 1 or more");
        }
        if (workers < 1) {
            throw new ConfigurationException(
                    CloudistProperties.WORKERS, String.valueOf(workers), "set it to a whole number of 1 or more");
        }
        testTimeout = Objects.requireNonNullElse(testTimeout, Duration.ZERO);
        if (testTimeout.isNegative()) {
            throw new ConfigurationException(
                    CloudistProperties.TEST_TIMEOUT, testTimeout.toSeconds() + "", "use 0 for no timeout, or seconds");
        }
        extraFiles = List.copyOf(extraFiles);
        store = Objects.requireNonNullElse(store, "");
        cloud = Objects.requireNonNullElse(cloud, CloudSettings.local());
        if (rerunFailingTestsCount < 0) {
            throw new ConfigurationException(
                    CloudistProperties.RERUN_FAILING_TESTS_COUNT,
                    String.valueOf(rerunFailingTestsCount),
                    "set it to 0 for no reruns, or to the number of reruns of a failed test");
        }
        if (maxWorkerRestarts < 0) {
            throw new ConfigurationException(CloudistProperties.MAX_WORKER_RESTARTS, String.valueOf(maxWorkerRestarts),
                    "set it to a whole number of 0 or more");
        }
        if (storeOutageSeconds < 0) {
            throw new ConfigurationException(CloudistProperties.STORE_OUTAGE_SECONDS, String.valueOf(storeOutageSeconds),
                    "set it to a whole number of seconds, 0 or more (0: stop at the first failure the store's own"
                            + " retries cannot mend)");
        }
        reportStyle = Objects.requireNonNullElse(reportStyle, ReportStyle.DEFAULT);
        runOrder = Objects.requireNonNullElse(runOrder, RunOrder.DEFAULT);
        allowedSecrets = allowedSecrets == null ? Set.of() : Set.copyOf(allowedSecrets);
        if (skipAfterFailureCount < 0) {
            throw new ConfigurationException("surefire.skipAfterFailureCount", String.valueOf(skipAfterFailureCount),
                    "set it to 0 to run every test, or to the number of failed tests after which to skip the rest");
        }
        projectTree = Objects.requireNonNullElseGet(projectTree, () -> new ProjectTree(moduleDirectory, List.of(), List.of()));
        if (!(targetTaskSeconds >= 0) || Double.isInfinite(targetTaskSeconds)) {
            throw new ConfigurationException(CloudistProperties.TARGET_TASK_SECONDS, String.valueOf(targetTaskSeconds),
                    "set it to 0 or more seconds (0: make about workers x tasksPerWorker tasks)");
        }
    }
}
