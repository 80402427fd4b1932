package io.cloudist.core;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one home of every user-facing parameter: its POM element, its {@code -D} property, its default and the goals
 * that take it. The Mojos' {@code @Parameter} annotations use these constants, and {@code docs/configuration.md} is
 * checked against {@link #ALL} by a test.
 */
public final class CloudistProperties {
    private CloudistProperties() {}

    /** The goals of cloudist-maven-plugin, in the order the configuration reference names them. */
    public enum Goal {
        TEST,
        /** {@code test} without the forked lifecycle, for a POM to bind: it takes every parameter of {@link #TEST}. */
        TEST_NO_FORK,
        SETUP,
        CLEANUP;

        /** The goal's name as typed after {@code cloudist:}. */
        public String goalName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The goal whose parameters this one takes: itself, or {@link #TEST} for its twin {@link #TEST_NO_FORK}. */
        public Goal parameterGoal() {
            return this == TEST_NO_FORK ? TEST : this;
        }
    }

    /**
     * One parameter of cloudist's goals.
     *
     * @param element the POM element, or null for a property-only parameter
     * @param property the {@code -D} property, or null when there is none
     * @param defaultValue the default, as the configuration reference shows it
     * @param goals the goals that take the parameter
     * @param description one sentence for the configuration reference
     */
    public record Parameter(
            String element, String property, String defaultValue, Set<Goal> goals, String description) {
        public Parameter {
            goals = Set.copyOf(goals);
        }

        /** A parameter of {@code cloudist:test} only. */
        public Parameter(String element, String property, String defaultValue, String description) {
            this(element, property, defaultValue, Set.of(Goal.TEST), description);
        }
    }

    public static final String WORKERS = "cloudist.workers";
    public static final String GRANULARITY = "cloudist.granularity";
    public static final String DEFAULT_GRANULARITY = "class";
    public static final String TASKS_PER_WORKER = "cloudist.tasksPerWorker";
    public static final String DEFAULT_TASKS_PER_WORKER = "4";
    public static final String TARGET_TASK_SECONDS = "cloudist.targetTaskSeconds";
    public static final String DEFAULT_TARGET_TASK_SECONDS = "0";
    public static final String REUSE_FORKS = "cloudist.reuseForks";
    public static final String DEFAULT_REUSE_FORKS = "true";
    public static final String TEST_TIMEOUT = "cloudist.testTimeout";
    public static final String DEFAULT_TEST_TIMEOUT = "0";
    public static final String MAX_WORKER_RESTARTS = "cloudist.maxWorkerRestarts";
    public static final String EXTRA_FILES = "cloudist.extraFiles";
    public static final String DEFAULT_EXTRA_FILES = "";
    public static final String FILE_EXCLUDES = "cloudist.fileExcludes";
    public static final String ALLOWED_SECRETS = "cloudist.allowedSecrets";
    public static final String SKIP = "cloudist.skip";
    public static final String STORE = "cloudist.store";
    /** How long the store may stay unreachable before the run stops; workers get the same budget. */
    public static final String STORE_OUTAGE_SECONDS = "cloudist.storeOutageSeconds";
    public static final String DEFAULT_STORE_OUTAGE_SECONDS = "120";
    public static final String BACKEND = "cloudist.backend";
    public static final String DEFAULT_BACKEND = "local";
    /** The backend of {@code cloudist:setup} and {@code cloudist:cleanup}: there is nothing to set up locally. */
    public static final String DEFAULT_ADMIN_BACKEND = "ec2";
    public static final String CPU_PER_WORKER = "cloudist.cpuPerWorker";
    public static final String DEFAULT_CPU_PER_WORKER = "1";
    public static final String MEMORY_PER_WORKER = "cloudist.memoryPerWorker";
    public static final String DEFAULT_MEMORY_PER_WORKER = "2";
    public static final String INSTANCE_TYPES = "cloudist.instanceTypes";
    public static final String MAX_PRICE_PER_HOUR = "cloudist.maxPricePerHour";
    public static final String ON_DEMAND_FALLBACK = "cloudist.onDemandFallback";
    public static final String DEFAULT_ON_DEMAND_FALLBACK = "false";
    public static final String AMI = "cloudist.ami";
    public static final String IDLE_MINUTES = "cloudist.idleMinutes";
    public static final String DEFAULT_IDLE_MINUTES = "5";
    /** The longest a worker instance lives, whatever its agents do. */
    public static final String MAX_INSTANCE_HOURS = "cloudist.maxInstanceHours";
    public static final String DEFAULT_MAX_INSTANCE_HOURS = "12";
    public static final String DELETE_RUN_DATA = "cloudist.deleteRunData";
    public static final String DEFAULT_DELETE_RUN_DATA = "false";
    /** Setup repairs what it finds weaker than it would make it on an existing bucket, instead of only saying so. */
    public static final String FIX = "cloudist.fix";
    public static final String DEFAULT_FIX = "false";
    public static final String USE_SUREFIRE_CONFIG = "cloudist.useSurefireConfig";
    /** The AWS region of the store and the workers; the SDK's default chain when unset. */
    public static final String REGION = "cloudist.region";
    /** The AWS profile whose credentials cloudist uses; the SDK's default chain when unset. */
    public static final String PROFILE = "cloudist.profile";

    /** Surefire's own property names, honoured as Surefire honours them. */
    public static final String SKIP_TESTS = "skipTests";

    public static final String MAVEN_TEST_SKIP = "maven.test.skip";
    public static final String TEST_FAILURE_IGNORE = "maven.test.failure.ignore";
    public static final String TEST = "test";
    public static final String GROUPS = "groups";
    public static final String EXCLUDED_GROUPS = "excludedGroups";
    public static final String ARG_LINE = "argLine";
    public static final String JVM = "jvm";
    public static final String FAIL_IF_NO_TESTS = "failIfNoTests";
    public static final String FAIL_IF_NO_SPECIFIED_TESTS = "surefire.failIfNoSpecifiedTests";
    public static final String RERUN_FAILING_TESTS_COUNT = "surefire.rerunFailingTestsCount";
    public static final String DEFAULT_RERUN_FAILING_TESTS_COUNT = "0";
    public static final String FAIL_ON_FLAKE_COUNT = "surefire.failOnFlakeCount";
    public static final String JUNIT_ARTIFACT_NAME = "junitArtifactName";
    public static final String ENABLE_ASSERTIONS = "enableAssertions";
    public static final String TRIM_STACK_TRACE = "trimStackTrace";
    public static final String REDIRECT_TEST_OUTPUT_TO_FILE = "maven.test.redirectTestOutputToFile";
    public static final String DEFAULT_FAIL_ON_FLAKE_COUNT = "0";

    private static final Set<Goal> ALL_GOALS = EnumSet.allOf(Goal.class);
    private static final Set<Goal> TEST_ONLY = Set.of(Goal.TEST);

    /**
     * Every parameter of every goal, in the order the configuration reference lists them: first those that choose
     * and run the tests, then those that say where workers run, with setup and cleanup.
     */
    public static final List<Parameter> ALL = List.of(
            new Parameter("workers", WORKERS, "available processors", "Number of workers to start."),
            new Parameter("granularity", GRANULARITY, DEFAULT_GRANULARITY, "Unit of scheduling: class or method."),
            new Parameter(
                    "tasksPerWorker",
                    TASKS_PER_WORKER,
                    DEFAULT_TASKS_PER_WORKER,
                    "Target number of tasks per worker; tasks are about workers x tasksPerWorker, and the last round"
                            + " is split into smaller tasks of the shortest classes so that workers finish together."),
            new Parameter(
                    "targetTaskSeconds",
                    TARGET_TASK_SECONDS,
                    DEFAULT_TARGET_TASK_SECONDS,
                    "Expected seconds of one task, from the timing history; tasks are then about total time /"
                            + " targetTaskSeconds (at least workers). 0 uses tasksPerWorker."),
            new Parameter(
                    "reuseForks",
                    REUSE_FORKS,
                    DEFAULT_REUSE_FORKS,
                    "Reuse a worker's test JVM across tasks; false starts a fresh JVM per test class."),
            new Parameter(
                    "testTimeout",
                    TEST_TIMEOUT,
                    DEFAULT_TEST_TIMEOUT,
                    "Seconds a test JVM may spend on one task before it is killed, counted from the task's first class"
                            + " or test starting: the JVM's start-up is not counted (it gets 2 minutes of its own); 0"
                            + " for no limit."),
            new Parameter(
                    "maxWorkerRestarts",
                    MAX_WORKER_RESTARTS,
                    "4 x workers",
                    "Lost workers (killed, crashed, evicted) replaced in one run; 0 runs on with the workers left."),
            new Parameter(
                    "extraFiles",
                    EXTRA_FILES,
                    DEFAULT_EXTRA_FILES,
                    "Comma-separated globs, relative to the module directory, of files outside the project that workers"
                            + " elsewhere need too, shipped to the same relative paths (e.g. ../../shared-data/**)."),
            new Parameter(
                    "fileExcludes",
                    FILE_EXCLUDES,
                    "",
                    "Comma-separated globs, relative to the project's root directory, of files not to ship to workers"
                            + " elsewhere; version control metadata and build output never travel."),
            new Parameter(
                    "allowedSecrets",
                    ALLOWED_SECRETS,
                    "",
                    "Comma-separated names of system properties and environment variables that look secret but may be"
                            + " stored in the run's manifest, so that workers elsewhere get them."),
            new Parameter("skip", SKIP, "false", "Skip cloudist:test only."),
            new Parameter(
                    "useSurefireConfig",
                    USE_SUREFIRE_CONFIG,
                    "true",
                    "Read the module's maven-surefire-plugin configuration."),
            new Parameter("skipTests", SKIP_TESTS, "false", "Skip running tests, as in Surefire."),
            new Parameter(null, MAVEN_TEST_SKIP, "false", "Skip compiling and running tests (a property only)."),
            new Parameter(
                    "testFailureIgnore",
                    TEST_FAILURE_IGNORE,
                    "false",
                    "Do not fail the build on test failures, as in Surefire."),
            new Parameter(
                    "reportsDirectory",
                    null,
                    "${project.build.directory}/surefire-reports",
                    "Where `TEST-*.xml` and `*.txt` reports are written."),
            new Parameter("includes", null, "Surefire's default includes", "Test class include patterns."),
            new Parameter("excludes", null, "**/*$*", "Test class exclude patterns."),
            new Parameter("test", TEST, "", "Surefire's test filter: Class, Class#method, wildcards, !exclusions."),
            new Parameter("groups", GROUPS, "", "Tag expression of tests to run."),
            new Parameter("excludedGroups", EXCLUDED_GROUPS, "", "Tag expression of tests not to run."),
            new Parameter("argLine", ARG_LINE, "", "Test JVM arguments; @{property} is replaced late."),
            new Parameter("jvm", JVM, "the build's java", "The java executable of the test JVMs."),
            new Parameter("systemPropertyVariables", null, "", "System properties of the test JVMs."),
            new Parameter("environmentVariables", null, "", "Environment variables of the test JVMs."),
            new Parameter("additionalClasspathElements", null, "", "Extra test classpath entries."),
            new Parameter("classpathDependencyExcludes", null, "", "groupId:artifactId of dependencies to drop."),
            new Parameter("workingDirectory", null, "${basedir}", "Working directory of the test JVMs."),
            new Parameter("failIfNoTests", FAIL_IF_NO_TESTS, "false", "Fail when no tests are found."),
            new Parameter(
                    "failIfNoSpecifiedTests",
                    FAIL_IF_NO_SPECIFIED_TESTS,
                    "true",
                    "Fail when the test parameter matches no test."),
            new Parameter(
                    "rerunFailingTestsCount",
                    RERUN_FAILING_TESTS_COUNT,
                    DEFAULT_RERUN_FAILING_TESTS_COUNT,
                    "Run a failed test again up to this many times, on its worker; one that then passes is a flake."),
            new Parameter(
                    "failOnFlakeCount",
                    FAIL_ON_FLAKE_COUNT,
                    DEFAULT_FAIL_ON_FLAKE_COUNT,
                    "Fail the build when there are at least this many flakes; 0 never does."),
            new Parameter(
                    "backend",
                    BACKEND,
                    DEFAULT_BACKEND + " (test), " + DEFAULT_ADMIN_BACKEND + " (setup, cleanup)",
                    ALL_GOALS,
                    "Where workers run: local processes, or ec2 spot instances."),
            new Parameter(
                    "store",
                    STORE,
                    "target/cloudist/store; with ec2, the bucket setup made",
                    ALL_GOALS,
                    "Where bundles and run documents go: a directory, or s3://bucket/prefix."),
            new Parameter(
                    "storeOutageSeconds",
                    STORE_OUTAGE_SECONDS,
                    DEFAULT_STORE_OUTAGE_SECONDS,
                    TEST_ONLY,
                    "Seconds the store may stay unreachable (throttled, failing, offline) before the run stops."),
            new Parameter(
                    "region",
                    REGION,
                    "AWS_REGION, else the profile's region",
                    ALL_GOALS,
                    "The AWS region to work in, instead of the AWS SDK's default."),
            new Parameter(
                    "profile",
                    PROFILE,
                    "AWS_PROFILE, else default",
                    ALL_GOALS,
                    "The AWS credentials profile, instead of the AWS SDK's default chain."),
            new Parameter(
                    "cpuPerWorker",
                    CPU_PER_WORKER,
                    DEFAULT_CPU_PER_WORKER,
                    TEST_ONLY,
                    "vCPUs each worker needs; several workers share an instance that has room for them."),
            new Parameter(
                    "memoryPerWorker",
                    MEMORY_PER_WORKER,
                    DEFAULT_MEMORY_PER_WORKER,
                    TEST_ONLY,
                    "GiB of memory each worker needs, e.g. 4 or 1.5."),
            new Parameter(
                    "instanceTypes",
                    INSTANCE_TYPES,
                    "any",
                    TEST_ONLY,
                    "Comma-separated EC2 instance types to choose from, e.g. m7i.large,c7i.xlarge."),
            new Parameter(
                    "maxPricePerHour",
                    MAX_PRICE_PER_HOUR,
                    "no limit",
                    TEST_ONLY,
                    "The most to pay for one instance-hour, in USD; 0 for no limit."),
            new Parameter(
                    "onDemandFallback",
                    ON_DEMAND_FALLBACK,
                    DEFAULT_ON_DEMAND_FALLBACK,
                    TEST_ONLY,
                    "Launch on-demand instances when no spot capacity is found."),
            new Parameter(
                    "ami", AMI, "current Amazon Linux 2023", TEST_ONLY, "The image (ami-...) that instances boot."),
            new Parameter(
                    "idleMinutes",
                    IDLE_MINUTES,
                    DEFAULT_IDLE_MINUTES,
                    TEST_ONLY,
                    "Minutes idle workers wait for the next run before their instance shuts down."),
            new Parameter(
                    "maxInstanceHours",
                    MAX_INSTANCE_HOURS,
                    DEFAULT_MAX_INSTANCE_HOURS,
                    TEST_ONLY,
                    "Hours after which a worker instance powers off, whatever its agents do (1 to 168); a warm"
                            + " instance takes no new run in its last hour."),
            new Parameter(
                    "deleteRunData",
                    DELETE_RUN_DATA,
                    DEFAULT_DELETE_RUN_DATA,
                    Set.of(Goal.CLEANUP),
                    "Also delete the run documents under the store's runs/ prefix."),
            new Parameter(
                    "fix",
                    FIX,
                    DEFAULT_FIX,
                    Set.of(Goal.SETUP),
                    "Repair an existing bucket's default encryption, public access block and run-data expiry rule"
                            + " where setup finds them weaker than it makes them, instead of only warning."));
}
