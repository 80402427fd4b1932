package io.cloudist.core;

import java.util.List;

/**
 * The one home of every user-facing parameter: its POM element, its {@code -D} property and its default.
 * The Mojo's {@code @Parameter} annotations use these constants, and {@code docs/configuration.md} is checked
 * against {@link #ALL} by a test.
 */
public final class CloudistProperties {
    private CloudistProperties() {}

    /**
     * One parameter of {@code cloudist:test}.
     *
     * @param element the POM element, or null for a property-only parameter
     * @param property the {@code -D} property, or null when there is none
     * @param defaultValue the default, as the configuration reference shows it
     * @param description one sentence for the configuration reference
     */
    public record Parameter(String element, String property, String defaultValue, String description) {}

    public static final String WORKERS = "cloudist.workers";
    public static final String GRANULARITY = "cloudist.granularity";
    public static final String DEFAULT_GRANULARITY = "class";
    public static final String TASKS_PER_WORKER = "cloudist.tasksPerWorker";
    public static final String DEFAULT_TASKS_PER_WORKER = "4";
    public static final String REUSE_FORKS = "cloudist.reuseForks";
    public static final String DEFAULT_REUSE_FORKS = "true";
    public static final String TEST_TIMEOUT = "cloudist.testTimeout";
    public static final String DEFAULT_TEST_TIMEOUT = "0";
    public static final String EXTRA_FILES = "cloudist.extraFiles";
    public static final String DEFAULT_EXTRA_FILES = "src/test/resources/**";
    public static final String SKIP = "cloudist.skip";
    public static final String STORE = "cloudist.store";
    public static final String BACKEND = "cloudist.backend";
    public static final String DEFAULT_BACKEND = "local";
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

    /** Every parameter of {@code cloudist:test}, in the order the configuration reference lists them. */
    public static final List<Parameter> ALL = List.of(
            new Parameter("workers", WORKERS, "available processors", "Number of workers to start."),
            new Parameter("granularity", GRANULARITY, DEFAULT_GRANULARITY, "Unit of scheduling: class or method."),
            new Parameter(
                    "tasksPerWorker",
                    TASKS_PER_WORKER,
                    DEFAULT_TASKS_PER_WORKER,
                    "Target number of tasks per worker; tasks are about workers x tasksPerWorker."),
            new Parameter(
                    "reuseForks",
                    REUSE_FORKS,
                    DEFAULT_REUSE_FORKS,
                    "Reuse a worker's test JVM across tasks; false starts a fresh JVM per test class."),
            new Parameter(
                    "testTimeout",
                    TEST_TIMEOUT,
                    DEFAULT_TEST_TIMEOUT,
                    "Seconds a test JVM may spend on one task before it is killed; 0 for no limit."),
            new Parameter(
                    "extraFiles",
                    EXTRA_FILES,
                    DEFAULT_EXTRA_FILES,
                    "Comma-separated globs, relative to the module directory, shipped to the same paths on workers."),
            new Parameter("skip", SKIP, "false", "Skip cloudist:test only."),
            new Parameter("store", STORE, "target/cloudist/store", "Where bundles and run documents go."),
            new Parameter("backend", BACKEND, DEFAULT_BACKEND, "Where workers run: local."),
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
                    "Fail when the test parameter matches no test."));
}
