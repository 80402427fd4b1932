package io.cloudist.core;

import io.cloudist.core.CloudistProperties.Goal;
import io.cloudist.core.CloudistProperties.Parameter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Every parameter of cloudist's goals as one typed constant: its POM element, its {@code -D} property, its default,
 * the goals that take it and its description. The plugin reads values and core and the plugin name parameters in
 * messages through these; {@link #ALL} is the configuration reference, which a test checks {@code
 * docs/configuration.md} and the plugin descriptor against. The names and defaults come from the compile-time
 * constants of {@link CloudistProperties}, which the Mojos' annotations need.
 *
 * <p>Over 300 lines: one declaration per parameter, each with the sentence the configuration reference shows.
 */
public final class CloudistParameters {
    private CloudistParameters() {}

    private static final Set<Goal> ALL_GOALS = EnumSet.allOf(Goal.class);
    private static final Set<Goal> TEST_ONLY = Set.of(Goal.TEST);

    public static final Parameter WORKERS = new Parameter(
            "workers",
            CloudistProperties.WORKERS,
            "Surefire's forkCount, else available processors",
            TEST_ONLY,
            "Number of workers to start. Unset, Surefire's forkCount decides (1.5C: 1.5 per processor), else one"
                    + " per processor.",
            "");

    public static final Parameter GRANULARITY = new Parameter(
            "granularity",
            CloudistProperties.GRANULARITY,
            CloudistProperties.DEFAULT_GRANULARITY,
            "Unit of scheduling: class or method.");

    public static final Parameter TASKS_PER_WORKER = new Parameter(
            "tasksPerWorker",
            CloudistProperties.TASKS_PER_WORKER,
            CloudistProperties.DEFAULT_TASKS_PER_WORKER,
            "Target number of tasks per worker; tasks are about workers x tasksPerWorker, and the last round"
                    + " is split into smaller tasks of the shortest classes so that workers finish together.");

    public static final Parameter TARGET_TASK_SECONDS = new Parameter(
            "targetTaskSeconds",
            CloudistProperties.TARGET_TASK_SECONDS,
            CloudistProperties.DEFAULT_TARGET_TASK_SECONDS,
            "Expected seconds of one task, from the timing history; tasks are then about total time /"
                    + " targetTaskSeconds (at least workers). 0 uses tasksPerWorker.");

    public static final Parameter REUSE_FORKS = new Parameter(
            "reuseForks",
            CloudistProperties.REUSE_FORKS,
            CloudistProperties.DEFAULT_REUSE_FORKS,
            "Reuse a worker's test JVM across tasks; false starts a fresh JVM per test class.");

    public static final Parameter TEST_TIMEOUT = new Parameter(
            "testTimeout",
            CloudistProperties.TEST_TIMEOUT,
            CloudistProperties.DEFAULT_TEST_TIMEOUT,
            "Seconds a test JVM may spend on one task before it is killed, counted from the task's first class"
                    + " or test starting: the JVM's start-up is not counted (it gets 2 minutes of its own); 0"
                    + " for no limit.");

    public static final Parameter MAX_WORKER_RESTARTS = new Parameter(
            "maxWorkerRestarts",
            CloudistProperties.MAX_WORKER_RESTARTS,
            "4 x workers",
            TEST_ONLY,
            "Lost workers (killed, crashed, evicted) replaced in one run; 0 runs on with the workers left.",
            "");

    public static final Parameter EXTRA_FILES = new Parameter(
            "extraFiles",
            CloudistProperties.EXTRA_FILES,
            CloudistProperties.DEFAULT_EXTRA_FILES,
            "Comma-separated globs, relative to the module directory, of files outside the project that workers"
                    + " elsewhere need too, shipped to the same relative paths (e.g. ../../shared-data/**).");

    public static final Parameter FILE_EXCLUDES = new Parameter(
            "fileExcludes",
            CloudistProperties.FILE_EXCLUDES,
            "",
            "Comma-separated globs, relative to the project's root directory, of files not to ship to workers"
                    + " elsewhere; version control metadata and build output never travel.");

    public static final Parameter ALLOWED_SECRETS = new Parameter(
            "allowedSecrets",
            CloudistProperties.ALLOWED_SECRETS,
            "",
            "Comma-separated names of system properties and environment variables that look secret but may be"
                    + " stored in the run's manifest, so that workers elsewhere get them.");

    public static final Parameter SKIP =
            new Parameter("skip", CloudistProperties.SKIP, "false", "Skip cloudist:test only.");

    public static final Parameter REACTOR = new Parameter(
            "reactor",
            CloudistProperties.REACTOR,
            CloudistProperties.DEFAULT_REACTOR,
            "At a reactor root, run the tests of every module as one run, after the last module is built; false runs"
                    + " each module's tests on their own, module after module.");

    public static final Parameter USE_SUREFIRE_CONFIG = new Parameter(
            "useSurefireConfig",
            CloudistProperties.USE_SUREFIRE_CONFIG,
            "true",
            "Read the module's maven-surefire-plugin configuration.");

    public static final Parameter SKIP_TESTS =
            new Parameter("skipTests", CloudistProperties.SKIP_TESTS, "false", "Skip running tests, as in Surefire.");

    public static final Parameter MAVEN_TEST_SKIP = new Parameter(
            null, CloudistProperties.MAVEN_TEST_SKIP, "false", "Skip compiling and running tests (a property only).");

    public static final Parameter TEST_FAILURE_IGNORE = new Parameter(
            "testFailureIgnore",
            CloudistProperties.TEST_FAILURE_IGNORE,
            "false",
            "Do not fail the build on test failures, as in Surefire.");

    public static final Parameter REPORTS_DIRECTORY = new Parameter(
            "reportsDirectory",
            null,
            "${project.build.directory}/surefire-reports",
            TEST_ONLY,
            "Where `TEST-*.xml` and `*.txt` reports are written.",
            "");

    public static final Parameter INCLUDES = new Parameter(
            "includes", null, "Surefire's default includes", TEST_ONLY, "Test class include patterns.", "");

    public static final Parameter EXCLUDES =
            new Parameter("excludes", null, "**/*$*", TEST_ONLY, "Test class exclude patterns.", "");

    public static final Parameter TEST = new Parameter(
            "test",
            CloudistProperties.TEST,
            "",
            "Surefire's test filter: Class, Class#method, wildcards, !exclusions.");

    public static final Parameter GROUPS =
            new Parameter("groups", CloudistProperties.GROUPS, "", "Tag expression of tests to run.");

    public static final Parameter EXCLUDED_GROUPS = new Parameter(
            "excludedGroups", CloudistProperties.EXCLUDED_GROUPS, "", "Tag expression of tests not to run.");

    public static final Parameter ARG_LINE = new Parameter(
            "argLine", CloudistProperties.ARG_LINE, "", "Test JVM arguments; @{property} is replaced late.");

    public static final Parameter JVM = new Parameter(
            "jvm", CloudistProperties.JVM, "the build's java", TEST_ONLY, "The java executable of the test JVMs.", "");

    public static final Parameter SYSTEM_PROPERTY_VARIABLES =
            new Parameter("systemPropertyVariables", null, "", "System properties of the test JVMs.");

    public static final Parameter ENVIRONMENT_VARIABLES =
            new Parameter("environmentVariables", null, "", "Environment variables of the test JVMs.");

    public static final Parameter ADDITIONAL_CLASSPATH_ELEMENTS =
            new Parameter("additionalClasspathElements", null, "", "Extra test classpath entries.");

    public static final Parameter CLASSPATH_DEPENDENCY_EXCLUDES =
            new Parameter("classpathDependencyExcludes", null, "", "groupId:artifactId of dependencies to drop.");

    public static final Parameter WORKING_DIRECTORY =
            new Parameter("workingDirectory", null, "${basedir}", TEST_ONLY, "Working directory of the test JVMs.", "");

    public static final Parameter FAIL_IF_NO_TESTS = new Parameter(
            "failIfNoTests", CloudistProperties.FAIL_IF_NO_TESTS, "false", "Fail when no tests are found.");

    public static final Parameter FAIL_IF_NO_SPECIFIED_TESTS = new Parameter(
            "failIfNoSpecifiedTests",
            CloudistProperties.FAIL_IF_NO_SPECIFIED_TESTS,
            "true",
            "Fail when the test parameter matches no test.");

    public static final Parameter RERUN_FAILING_TESTS_COUNT = new Parameter(
            "rerunFailingTestsCount",
            CloudistProperties.RERUN_FAILING_TESTS_COUNT,
            CloudistProperties.DEFAULT_RERUN_FAILING_TESTS_COUNT,
            "Run a failed test again up to this many times, on its worker; one that then passes is a flake.");

    public static final Parameter FAIL_ON_FLAKE_COUNT = new Parameter(
            "failOnFlakeCount",
            CloudistProperties.FAIL_ON_FLAKE_COUNT,
            CloudistProperties.DEFAULT_FAIL_ON_FLAKE_COUNT,
            "Fail the build when there are at least this many flakes; 0 never does.");

    public static final Parameter BACKEND = new Parameter(
            "backend",
            CloudistProperties.BACKEND,
            CloudistProperties.DEFAULT_BACKEND + " (test), " + CloudistProperties.DEFAULT_ADMIN_BACKEND
                    + " (setup, cleanup)",
            ALL_GOALS,
            "Where workers run: on this machine (local), or on ec2 spot instances.",
            "");

    public static final Parameter LOCAL_WORKERS = new Parameter(
            "localWorkers",
            CloudistProperties.LOCAL_WORKERS,
            CloudistProperties.DEFAULT_LOCAL_WORKERS,
            "How the local backend runs its workers: thread (each on a thread of the build's JVM, which starts only"
                    + " its test JVMs) or process (each in a JVM of its own, as on EC2).");

    public static final Parameter STORE = new Parameter(
            "store",
            CloudistProperties.STORE,
            "target/cloudist/store; with ec2, the bucket setup made",
            ALL_GOALS,
            "Where bundles and run documents go: a directory, or s3://bucket/prefix.",
            "");

    public static final Parameter STORE_OUTAGE_SECONDS = new Parameter(
            "storeOutageSeconds",
            CloudistProperties.STORE_OUTAGE_SECONDS,
            CloudistProperties.DEFAULT_STORE_OUTAGE_SECONDS,
            TEST_ONLY,
            "Seconds the store may stay unreachable (throttled, failing, offline) before the run stops.");

    public static final Parameter REGION = new Parameter(
            "region",
            CloudistProperties.REGION,
            "AWS_REGION, else the profile's region",
            ALL_GOALS,
            "The AWS region to work in, instead of the AWS SDK's default.",
            "");

    public static final Parameter PROFILE = new Parameter(
            "profile",
            CloudistProperties.PROFILE,
            "AWS_PROFILE, else default",
            ALL_GOALS,
            "The AWS credentials profile, instead of the AWS SDK's default chain.",
            "");

    public static final Parameter CPU_PER_WORKER = new Parameter(
            "cpuPerWorker",
            CloudistProperties.CPU_PER_WORKER,
            CloudistProperties.DEFAULT_CPU_PER_WORKER,
            TEST_ONLY,
            "vCPUs each worker needs; several workers share an instance that has room for them.");

    public static final Parameter MEMORY_PER_WORKER = new Parameter(
            "memoryPerWorker",
            CloudistProperties.MEMORY_PER_WORKER,
            CloudistProperties.DEFAULT_MEMORY_PER_WORKER,
            TEST_ONLY,
            "GiB of memory each worker needs, e.g. 4 or 1.5.");

    public static final Parameter INSTANCE_TYPES = new Parameter(
            "instanceTypes",
            CloudistProperties.INSTANCE_TYPES,
            "any",
            TEST_ONLY,
            "Comma-separated EC2 instance types to choose from, e.g. m7i.large,c7i.xlarge.",
            "");

    public static final Parameter MAX_PRICE_PER_HOUR = new Parameter(
            "maxPricePerHour",
            CloudistProperties.MAX_PRICE_PER_HOUR,
            "no limit",
            TEST_ONLY,
            "The most to pay for one instance-hour, in USD; 0 for no limit.",
            "0");

    public static final Parameter ON_DEMAND_FALLBACK = new Parameter(
            "onDemandFallback",
            CloudistProperties.ON_DEMAND_FALLBACK,
            CloudistProperties.DEFAULT_ON_DEMAND_FALLBACK,
            TEST_ONLY,
            "Launch on-demand instances when no spot capacity is found.");

    public static final Parameter AMI = new Parameter(
            "ami",
            CloudistProperties.AMI,
            "current Amazon Linux 2023",
            TEST_ONLY,
            "The image (ami-...) that instances boot.",
            "");

    public static final Parameter IDLE_MINUTES = new Parameter(
            "idleMinutes",
            CloudistProperties.IDLE_MINUTES,
            CloudistProperties.DEFAULT_IDLE_MINUTES,
            TEST_ONLY,
            "Minutes idle workers wait for the next run before their instance shuts down.");

    public static final Parameter MAX_INSTANCE_HOURS = new Parameter(
            "maxInstanceHours",
            CloudistProperties.MAX_INSTANCE_HOURS,
            CloudistProperties.DEFAULT_MAX_INSTANCE_HOURS,
            TEST_ONLY,
            "Hours after which a worker instance powers off, whatever its agents do (1 to 168); a warm"
                    + " instance takes no new run in its last hour.");

    public static final Parameter IMAGE = new Parameter(
            "image",
            CloudistProperties.IMAGE,
            CloudistProperties.DEFAULT_IMAGE,
            TEST_ONLY,
            "Boot ec2 workers from a runtime image (JDK, worker, the tests' third-party jars) that cloudist builds"
                    + " without Docker and keeps in the account's ECR repository; false installs Java at boot.");

    public static final Parameter BASE_IMAGE = new Parameter(
            "baseImage",
            CloudistProperties.BASE_IMAGE,
            "Amazon Corretto of the build's Java version",
            TEST_ONLY,
            "The image the worker image builds on (system packages, fonts, native libraries the tests need);"
                    + " it must have a java of the build's Java version or newer on its PATH, which is checked in its"
                    + " layers before the image is built: without one, the build fails before any instance starts.",
            "");

    public static final Parameter IMAGE_RETENTION_DAYS = new Parameter(
            "imageRetentionDays",
            CloudistProperties.IMAGE_RETENTION_DAYS,
            CloudistProperties.DEFAULT_IMAGE_RETENTION_DAYS,
            Set.of(Goal.SETUP),
            "Days after its push that the image repository expires a worker image (a run after that pushes it"
                    + " again).");

    public static final Parameter DELETE_IMAGES = new Parameter(
            "deleteImages",
            CloudistProperties.DELETE_IMAGES,
            CloudistProperties.DEFAULT_DELETE_IMAGES,
            Set.of(Goal.CLEANUP),
            "Also delete the ECR repository of worker images, with every image in it.");

    public static final Parameter DELETE_RUN_DATA = new Parameter(
            "deleteRunData",
            CloudistProperties.DELETE_RUN_DATA,
            CloudistProperties.DEFAULT_DELETE_RUN_DATA,
            Set.of(Goal.CLEANUP),
            "Also delete the run documents under the store's runs/ prefix.");

    public static final Parameter FIX = new Parameter(
            "fix",
            CloudistProperties.FIX,
            CloudistProperties.DEFAULT_FIX,
            Set.of(Goal.SETUP),
            "Repair an existing bucket's default encryption, public access block and run-data expiry rule"
                    + " where setup finds them weaker than it makes them, instead of only warning.");

    /**
     * Every parameter of every goal, in the order the configuration reference lists them: first those that choose
     * and run the tests, then those that say where workers run, with setup and cleanup.
     */
    public static final List<Parameter> ALL = List.of(
            WORKERS,
            GRANULARITY,
            TASKS_PER_WORKER,
            TARGET_TASK_SECONDS,
            REUSE_FORKS,
            TEST_TIMEOUT,
            MAX_WORKER_RESTARTS,
            EXTRA_FILES,
            FILE_EXCLUDES,
            ALLOWED_SECRETS,
            SKIP,
            REACTOR,
            USE_SUREFIRE_CONFIG,
            SKIP_TESTS,
            MAVEN_TEST_SKIP,
            TEST_FAILURE_IGNORE,
            REPORTS_DIRECTORY,
            INCLUDES,
            EXCLUDES,
            TEST,
            GROUPS,
            EXCLUDED_GROUPS,
            ARG_LINE,
            JVM,
            SYSTEM_PROPERTY_VARIABLES,
            ENVIRONMENT_VARIABLES,
            ADDITIONAL_CLASSPATH_ELEMENTS,
            CLASSPATH_DEPENDENCY_EXCLUDES,
            WORKING_DIRECTORY,
            FAIL_IF_NO_TESTS,
            FAIL_IF_NO_SPECIFIED_TESTS,
            RERUN_FAILING_TESTS_COUNT,
            FAIL_ON_FLAKE_COUNT,
            BACKEND,
            LOCAL_WORKERS,
            STORE,
            STORE_OUTAGE_SECONDS,
            REGION,
            PROFILE,
            CPU_PER_WORKER,
            MEMORY_PER_WORKER,
            INSTANCE_TYPES,
            MAX_PRICE_PER_HOUR,
            ON_DEMAND_FALLBACK,
            AMI,
            IDLE_MINUTES,
            MAX_INSTANCE_HOURS,
            IMAGE,
            BASE_IMAGE,
            DELETE_RUN_DATA,
            DELETE_IMAGES,
            FIX,
            IMAGE_RETENTION_DAYS);
}
