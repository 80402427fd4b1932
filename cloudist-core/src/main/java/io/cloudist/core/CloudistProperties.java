package io.cloudist.core;

import java.util.Locale;
import java.util.Set;

/**
 * The one home of every user-facing property name and default, as compile-time {@code String} constants: the Mojos'
 * {@code @Parameter(property = ..., defaultValue = ...)} annotations need constant expressions. Everything else reads
 * and names a parameter through its typed constant in {@link CloudistParameters}, built from these, which holds its
 * POM element, goals and description too; {@code docs/configuration.md} is checked against
 * {@link CloudistParameters#ALL} by a test.
 */
public final class CloudistProperties {
    private CloudistProperties() {}

    /** The goals of cloudist-maven-plugin, in the order the configuration reference names them. */
    public enum Goal {
        TEST,
        /** {@code test} without the forked lifecycle, for a POM to bind: it takes every parameter of {@link #TEST}. */
        TEST_NO_FORK,
        SETUP,
        CLEANUP,
        /** Builds and pushes the workers' runtime image ahead of a run: it takes every parameter of {@link #TEST}. */
        IMAGE;

        /** The goal's name as typed after {@code cloudist:}. */
        public String goalName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /**
         * The goal whose parameters this one takes: itself, or {@link #TEST} for its twin {@link #TEST_NO_FORK} and for
         * {@link #IMAGE}.
         */
        public Goal parameterGoal() {
            return this == TEST_NO_FORK || this == IMAGE ? TEST : this;
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
     * @param valueWhenUnset the value cloudist reads when the parameter is not set: "" when it has none, or when the
     *     code that reads it works the default out (the number of workers, say)
     */
    public record Parameter(
            String element,
            String property,
            String defaultValue,
            Set<Goal> goals,
            String description,
            String valueWhenUnset) {
        public Parameter {
            goals = Set.copyOf(goals);
        }

        /** A parameter whose default, as shown, is the value cloudist reads when it is not set. */
        public Parameter(String element, String property, String defaultValue, Set<Goal> goals, String description) {
            this(element, property, defaultValue, goals, description, defaultValue);
        }

        /** A parameter of {@code cloudist:test} only, whose shown default is the value read when it is not set. */
        public Parameter(String element, String property, String defaultValue, String description) {
            this(element, property, defaultValue, Set.of(Goal.TEST), description);
        }

        /** The {@code -D} option, e.g. {@code -Dcloudist.workers}; null when the parameter has no property. */
        public String option() {
            return property == null ? null : "-D" + property;
        }

        /**
         * How messages name the parameter: {@code <workers> (-Dcloudist.workers)}, or the one of the two it has.
         */
        public String displayName() {
            String pomElement = element == null ? null : "<" + element + ">";
            return pomElement == null ? option() : property == null ? pomElement : pomElement + " (" + option() + ")";
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
    public static final String REACTOR = "cloudist.reactor";
    public static final String DEFAULT_REACTOR = "true";
    public static final String STORE = "cloudist.store";
    /** How long the store may stay unreachable before the run stops; workers get the same budget. */
    public static final String STORE_OUTAGE_SECONDS = "cloudist.storeOutageSeconds";

    public static final String DEFAULT_STORE_OUTAGE_SECONDS = "120";
    public static final String BACKEND = "cloudist.backend";
    public static final String DEFAULT_BACKEND = "local";
    /** The backend of {@code cloudist:setup} and {@code cloudist:cleanup}: there is nothing to set up locally. */
    public static final String DEFAULT_ADMIN_BACKEND = "ec2";
    /** How the local backend runs its workers: {@code thread} (in the build's JVM) or {@code process}. */
    public static final String LOCAL_WORKERS = "cloudist.localWorkers";

    public static final String DEFAULT_LOCAL_WORKERS = "thread";

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
    /** Workers boot from a runtime image in the account's container registry (ECR). */
    public static final String IMAGE = "cloudist.image";

    public static final String DEFAULT_IMAGE = "true";
    /** The image the worker image builds on: one with a java of the build's feature version or newer. */
    public static final String BASE_IMAGE = "cloudist.baseImage";
    /** Days after its push that the image repository's lifecycle rule expires an image. */
    public static final String IMAGE_RETENTION_DAYS = "cloudist.imageRetentionDays";

    public static final String DEFAULT_IMAGE_RETENTION_DAYS = "30";
    /** Cleanup deletes the image repository and its images too. */
    public static final String DELETE_IMAGES = "cloudist.deleteImages";

    public static final String DEFAULT_DELETE_IMAGES = "false";
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
}
