package io.cloudist.maven;

import static io.cloudist.core.CloudistParameters.ALLOWED_SECRETS;
import static io.cloudist.core.CloudistParameters.EXTRA_FILES;
import static io.cloudist.core.CloudistParameters.FAIL_IF_NO_SPECIFIED_TESTS;
import static io.cloudist.core.CloudistParameters.FAIL_IF_NO_TESTS;
import static io.cloudist.core.CloudistParameters.FILE_EXCLUDES;
import static io.cloudist.core.CloudistParameters.GRANULARITY;
import static io.cloudist.core.CloudistParameters.LOCAL_WORKERS;
import static io.cloudist.core.CloudistParameters.MAVEN_TEST_SKIP;
import static io.cloudist.core.CloudistParameters.MAX_WORKER_RESTARTS;
import static io.cloudist.core.CloudistParameters.REPORTS_DIRECTORY;
import static io.cloudist.core.CloudistParameters.SKIP;
import static io.cloudist.core.CloudistParameters.SKIP_TESTS;
import static io.cloudist.core.CloudistParameters.STORE;
import static io.cloudist.core.CloudistParameters.STORE_OUTAGE_SECONDS;
import static io.cloudist.core.CloudistParameters.TARGET_TASK_SECONDS;
import static io.cloudist.core.CloudistParameters.TASKS_PER_WORKER;
import static io.cloudist.core.CloudistParameters.TEST_FAILURE_IGNORE;
import static io.cloudist.core.CloudistParameters.USE_SUREFIRE_CONFIG;
import static io.cloudist.core.CloudistProperties.DEFAULT_BACKEND;
import static io.cloudist.core.CloudistProperties.JUNIT_ARTIFACT_NAME;
import static io.cloudist.core.CloudistProperties.REDIRECT_TEST_OUTPUT_TO_FILE;
import static io.cloudist.core.CloudistProperties.TRIM_STACK_TRACE;

import io.cloudist.core.CloudistProperties.Parameter;
import io.cloudist.core.ConfigurationException;
import io.cloudist.core.cloud.CloudSettings;
import io.cloudist.core.jvm.TestJvmSpec;
import io.cloudist.core.plan.Granularity;
import io.cloudist.core.provision.LocalWorkers;
import io.cloudist.core.report.ReportStyle;
import io.cloudist.core.run.FailurePolicy;
import io.cloudist.core.run.Forks;
import io.cloudist.core.run.ProjectModule;
import io.cloudist.core.run.RunRequest;
import io.cloudist.core.run.Scheduling;
import io.cloudist.core.run.Shipping;
import io.cloudist.core.run.StoreSettings;
import io.cloudist.core.select.TestSelection;
import io.cloudist.core.ship.ProjectTree;
import io.cloudist.core.store.StoreLocations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/** The one pure function from {@code cloudist:test}'s parameters to what it does. No Maven types. */
final class RunRequestMapper {
    static final String NO_JUNIT =
            "No JUnit found on the test classpath: cloudist runs JUnit Platform, JUnit 4 and JUnit 3 tests.";

    private RunRequestMapper() {}

    /** @throws ConfigurationException when a parameter has an unusable value */
    static Mapping map(MappingInput input) {
        ParameterSources sources = input.sources();
        if (!sources.flag(USE_SUREFIRE_CONFIG)) {
            sources = sources.withoutSurefire();
        }
        if (sources.flag(SKIP)
                || sources.flag(SKIP_TESTS)
                || surefireFlag(sources, "skipExec", "maven.test.skip.exec", false)
                || sources.flag(MAVEN_TEST_SKIP)) {
            return new Mapping.Skipped("Tests are skipped.");
        }
        ProjectLayout layout = input.layout();
        boolean failIfNoTests = sources.flag(FAIL_IF_NO_TESTS);
        TestSelection selection = SelectionMapping.selection(sources, layout, input.projectArtifacts());
        if (selection.testClassesDirectories().stream().noneMatch(Files::exists)) {
            return new Mapping.NoTests("", failIfNoTests);
        }
        String junitArtifactName =
                sources.string("junitArtifactName", JUNIT_ARTIFACT_NAME).orElse(JUnitPlatformArtifacts.JUNIT4);
        if (!JUnitPlatformArtifacts.hasJUnit(input.projectArtifacts(), junitArtifactName)) {
            return new Mapping.NoTests(NO_JUNIT, failIfNoTests);
        }
        JUnitPlatformArtifacts.Setup junit = JUnitPlatformArtifacts.setup(input.projectArtifacts(), junitArtifactName);
        TestJvmSpec testJvm = TestJvmMapping.spec(sources, input, junit);
        CloudSettings cloud = CloudMapping.settings(sources, DEFAULT_BACKEND, () -> javaFeatureVersion(testJvm));
        PluginArtifacts plugin = PluginArtifacts.of(input.pluginArtifacts());
        RerunMapping reruns = RerunMapping.of(sources);
        OptionalInt workers = ExecutionMapping.requestedWorkers(sources, layout.availableProcessors());
        ExecutionMapping execution = ExecutionMapping.of(sources);
        String store = store(sources, layout, cloud);
        CloudExtension extension = CloudExtension.needed(cloud, store)
                ? CloudExtension.resolve(input.resolver(), input.pluginArtifacts())
                : CloudExtension.none();
        List<Path> workerClasspath = new ArrayList<>(plugin.workerClasspath());
        workerClasspath.addAll(extension.files());
        ProjectModule module = new ProjectModule(
                layout.groupId() + ":" + layout.artifactId(),
                layout.basedir(),
                directory(
                        sources,
                        layout,
                        REPORTS_DIRECTORY,
                        layout.buildDirectory().resolve("surefire-reports")),
                layout.buildDirectory().resolve("cloudist"));
        Scheduling.Builder scheduling = Scheduling.forProcessors(layout.availableProcessors())
                .granularity(granularity(sources))
                .tasksPerWorker(sources.wholeNumber(TASKS_PER_WORKER, 1))
                .targetTaskSeconds(sources.decimal(TARGET_TASK_SECONDS, false))
                .runOrder(execution.runOrder())
                .localWorkers(localWorkers(sources));
        workers.ifPresent(scheduling::workers);
        if (isSet(sources, MAX_WORKER_RESTARTS)) {
            scheduling.maxWorkerRestarts(sources.wholeNumber(MAX_WORKER_RESTARTS, "", 0));
        }
        Shipping shipping = new Shipping(
                plugin.runnerJar(),
                workerClasspath,
                extraFiles(sources, layout),
                new ProjectTree(
                        layout.projectRoot(),
                        layout.reactorBuildDirectories(),
                        CloudMapping.commaSeparated(sources.string(FILE_EXCLUDES))));
        FailurePolicy failurePolicy = FailurePolicy.DEFAULT
                .withFailIfNoTests(failIfNoTests)
                .withFailIfNoSpecifiedTests(sources.flag(FAIL_IF_NO_SPECIFIED_TESTS))
                .withRerunFailingTestsCount(reruns.rerunFailingTestsCount())
                .withSkipAfterFailureCount(execution.skipAfterFailureCount());
        StoreSettings storeSettings = new StoreSettings(store, sources.wholeNumber(STORE_OUTAGE_SECONDS, 0));
        ReportStyle reportStyle = new ReportStyle(
                junit.provider(),
                sources.flag("trimStackTrace", TRIM_STACK_TRACE, false),
                sources.flag("redirectTestOutputToFile", REDIRECT_TEST_OUTPUT_TO_FILE, false),
                surefireFlag(sources, "enableOutErrElements", "enableOutErrElements", true),
                surefireFlag(sources, "enablePropertiesElement", "enablePropertiesElement", true),
                surefireFlag(sources, "useFile", "surefire.useFile", true));
        RunRequest request = new RunRequest(
                module,
                testJvm,
                selection,
                scheduling.build(),
                new Forks(execution.reuseForks(), execution.testTimeout()),
                shipping,
                storeSettings,
                failurePolicy,
                cloud,
                reportStyle,
                Set.copyOf(CloudMapping.commaSeparated(sources.string(ALLOWED_SECRETS))));
        List<Path> classesDirectories = new ArrayList<>(selection.testClassesDirectories());
        classesDirectories.add(layout.outputDirectory());
        return new Mapping.Run(
                request,
                sources.flag(TEST_FAILURE_IGNORE),
                reruns.failOnFlakeCount(),
                extension,
                SurefireWarnings.of(sources, layout, classesDirectories));
    }

    /**
     * {@code extraFiles}, with Surefire's {@code testSourceDirectory} when it lies outside the project: the project's
     * files travel with the tests anyway, that directory would not.
     */
    private static List<String> extraFiles(ParameterSources sources, ProjectLayout layout) {
        List<String> globs = new ArrayList<>(CloudMapping.commaSeparated(sources.string(EXTRA_FILES)));
        sources.surefireValue("testSourceDirectory", "")
                .filter(d -> !d.isBlank())
                .map(layout::resolve)
                .filter(dir -> !dir.startsWith(layout.projectRoot()))
                .ifPresent(dir ->
                        globs.add(layout.basedir().relativize(dir).toString().replace('\\', '/') + "/**"));
        return globs;
    }

    /** Whether the build sets a parameter to something other than blank (blank counts as unset). */
    private static boolean isSet(ParameterSources sources, Parameter parameter) {
        return sources.value(parameter).filter(v -> !v.isBlank()).isPresent();
    }

    /** A true/false parameter of Surefire's that cloudist has no parameter of its own for. */
    static boolean surefireFlag(ParameterSources sources, String element, String property, boolean defaultValue) {
        String value = sources.surefireValue(element, property).orElse("");
        return flag(value, property.isEmpty() ? element : property, defaultValue);
    }

    /**
     * {@code true} or {@code false}; blank is the default.
     *
     * @throws ConfigurationException naming {@code parameter} for any other value
     */
    static boolean flag(String value, String parameter, boolean defaultValue) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "" -> defaultValue;
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigurationException(parameter, value, "use true or false");
        };
    }

    private static Path directory(
            ParameterSources sources, ProjectLayout layout, Parameter parameter, Path defaultValue) {
        String value = sources.string(parameter).trim();
        return value.isEmpty() ? defaultValue : layout.resolve(value);
    }

    /** The test JVMs' Java feature version, which cloud workers must provide; else the build's. */
    private static int javaFeatureVersion(TestJvmSpec testJvm) {
        return JavaRelease.featureVersion(testJvm.javaExecutable())
                .orElse(Runtime.version().feature());
    }

    private static Granularity granularity(ParameterSources sources) {
        String value = sources.string(GRANULARITY);
        Granularity granularity = Granularity.parse(value);
        if (granularity == null) {
            throw new ConfigurationException(GRANULARITY, value, "use class or method");
        }
        return granularity;
    }

    private static LocalWorkers localWorkers(ParameterSources sources) {
        String value = sources.string(LOCAL_WORKERS);
        LocalWorkers mode = LocalWorkers.parse(value);
        if (mode == null) {
            throw new ConfigurationException(LOCAL_WORKERS, value, "use thread or process");
        }
        return mode;
    }

    /** The store: "" for the backend's default, a URI as given, or a directory of the module. */
    private static String store(ParameterSources sources, ProjectLayout layout, CloudSettings cloud) {
        if (!cloud.isLocal()) {
            return CloudMapping.cloudStore(sources, cloud.backend());
        }
        String store = StoreLocations.check(sources.string(STORE).trim());
        return store.isEmpty() || StoreLocations.isUri(store)
                ? store
                : layout.resolve(store).toString();
    }
}
