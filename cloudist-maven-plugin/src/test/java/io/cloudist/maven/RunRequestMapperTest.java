package io.cloudist.maven;

import static io.cloudist.maven.JUnitPlatformArtifactsTest.artifact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudist.core.CloudistParameters;
import io.cloudist.core.CloudistProperties;
import io.cloudist.core.ConfigurationException;
import io.cloudist.core.cloud.CloudSettings;
import io.cloudist.core.plan.Granularity;
import io.cloudist.core.provision.LocalWorkers;
import io.cloudist.core.run.RunRequest;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRequestMapperTest {
    @TempDir
    Path basedir;

    ProjectLayout layout;
    final Map<String, String> user = new HashMap<>();
    final Map<String, Object> cloudist = new HashMap<>();
    final Map<String, Object> surefire = new HashMap<>();
    final Map<String, String> projectProperties = new HashMap<>();
    final List<ArtifactFile> projectArtifacts = new ArrayList<>(List.of(
            artifact("org.junit.jupiter", "junit-jupiter-engine", "5.14.1"),
            artifact("org.junit.platform", "junit-platform-engine", "1.14.1")));
    final List<List<String>> resolved = new ArrayList<>();

    @BeforeEach
    void createModule() throws IOException {
        layout = new ProjectLayout(
                "com.acme",
                "shop",
                basedir,
                basedir.resolve("target"),
                Files.createDirectories(basedir.resolve("target/test-classes")),
                Path.of("/jdk"),
                6);
    }

    @Test
    void defaultsFollowSurefireAndCloudistProperties() {
        RunRequest request = run().request();

        assertThat(request.module().projectKey()).isEqualTo("com.acme:shop");
        assertThat(request.module().reportsDirectory()).isEqualTo(basedir.resolve("target/surefire-reports"));
        assertThat(request.module().workDirectory()).isEqualTo(basedir.resolve("target/cloudist"));
        assertThat(request.scheduling().workers()).isEqualTo(6);
        assertThat(request.scheduling().tasksPerWorker()).isEqualTo(4);
        assertThat(request.scheduling().granularity()).isEqualTo(Granularity.CLASS);
        assertThat(request.scheduling().localWorkers()).isEqualTo(LocalWorkers.THREAD);
        assertThat(request.forks().reuseForks()).isTrue();
        assertThat(request.forks().testTimeout()).isEqualTo(Duration.ZERO);
        assertThat(request.shipping().extraFiles()).isEmpty();
        assertThat(request.store().location()).isEmpty();
        assertThat(request.failurePolicy().failIfNoTests()).isFalse();
        assertThat(request.failurePolicy().failIfNoSpecifiedTests()).isTrue();
        assertThat(request.store().outageSeconds()).isEqualTo(120);
        assertThat(request.scheduling().targetTaskSeconds()).isZero();
        assertThat(request.testJvm().javaExecutable()).isEqualTo(Path.of("/jdk/bin/java"));
        assertThat(request.testJvm().workingDirectory()).isEqualTo(basedir);
        assertThat(request.selection().testClassesDirectories())
                .containsExactly(basedir.resolve("target/test-classes"));
        assertThat(request.shipping().runnerJar()).isEqualTo(Path.of("/plugin/runner.jar"));
        assertThat(run().testFailureIgnore()).isFalse();
        assertThat(request.failurePolicy().rerunFailingTestsCount()).isZero();
        assertThat(run().failOnFlakeCount()).isZero();
    }

    @Test
    void rerunsComeFromSurefiresConfigurationUnlessCloudistOrAUserPropertySetsThem() {
        surefire.put("rerunFailingTestsCount", "2");
        surefire.put("failOnFlakeCount", "3");
        assertThat(run().request().failurePolicy().rerunFailingTestsCount()).isEqualTo(2);
        assertThat(run().failOnFlakeCount()).isEqualTo(3);

        cloudist.put(element("rerunFailingTestsCount"), "4");
        assertThat(run().request().failurePolicy().rerunFailingTestsCount()).isEqualTo(4);

        user.put(CloudistProperties.RERUN_FAILING_TESTS_COUNT, "1");
        user.put(CloudistProperties.FAIL_ON_FLAKE_COUNT, "1");
        assertThat(run().request().failurePolicy().rerunFailingTestsCount()).isEqualTo(1);
        assertThat(run().failOnFlakeCount()).isEqualTo(1);
    }

    @Test
    void failOnFlakeCountWithoutRerunsIsAConfigurationErrorAsInSurefire() {
        surefire.put("failOnFlakeCount", "1");

        ConfigurationException error = catchThrowableOfType(ConfigurationException.class, this::map);

        assertThat(error.parameter()).isEqualTo(CloudistProperties.FAIL_ON_FLAKE_COUNT);
        assertThat(error.fix()).contains("requires rerunFailingTestsCount to be at least 1");
    }

    @Test
    void cloudistParametersAreParsed() {
        user.put(CloudistProperties.WORKERS, "3");
        cloudist.put(element("granularity"), "METHOD");
        cloudist.put(element("testTimeout"), "90");
        cloudist.put(element("extraFiles"), "data/**, config/*.yml");
        cloudist.put(element("store"), "build/store");
        cloudist.put(element("storeOutageSeconds"), "300");
        cloudist.put(element("targetTaskSeconds"), "7.5");
        cloudist.put(element("localWorkers"), "Process");

        RunRequest request = run().request();

        assertThat(request.scheduling().workers()).isEqualTo(3);
        assertThat(request.scheduling().localWorkers()).isEqualTo(LocalWorkers.PROCESS);
        assertThat(request.scheduling().granularity()).isEqualTo(Granularity.METHOD);
        assertThat(request.forks().testTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(request.shipping().extraFiles()).containsExactly("data/**", "config/*.yml");
        assertThat(request.store().location())
                .isEqualTo(basedir.resolve("build/store").toString());
        assertThat(request.store().outageSeconds()).isEqualTo(300);
        assertThat(request.scheduling().targetTaskSeconds()).isEqualTo(7.5);
    }

    @Test
    void userTestPropertyReplacesIncludesAndExcludesFromEverySource() {
        surefire.put(element("includes"), List.of("**/*IT.java"));
        surefire.put(element("excludes"), List.of("**/Slow*"));
        user.put(CloudistProperties.TEST, "FooTest#bar");

        RunRequest request = run().request();

        assertThat(request.selection().test()).isEqualTo("FooTest#bar");
        assertThat(request.selection().includes()).isEmpty();
        assertThat(request.selection().excludes()).isEmpty();
    }

    @Test
    void surefireSelectionAndPatternFilesAreRead() throws IOException {
        Files.writeString(basedir.resolve("includes.txt"), "# from a file\n**/Extra*\n");
        surefire.put(element("includes"), List.of("**/*Spec.java"));
        surefire.put("includesFile", "includes.txt");
        surefire.put(element("groups"), "fast");
        surefire.put(element("excludedGroups"), "slow");

        RunRequest request = run().request();

        assertThat(request.selection().includes()).containsExactly("**/*Spec.java", "**/Extra*");
        assertThat(request.selection().groups()).isEqualTo("fast");
        assertThat(request.selection().excludedGroups()).isEqualTo("slow");
    }

    @Test
    void cloudistConfigurationOverridesSurefireAndUserPropertyOverridesBoth() {
        surefire.put(element("groups"), "surefire");
        cloudist.put(element("groups"), "cloudist");
        assertThat(run().request().selection().groups()).isEqualTo("cloudist");

        user.put(CloudistProperties.GROUPS, "user");
        assertThat(run().request().selection().groups()).isEqualTo("user");
    }

    @Test
    void useSurefireConfigFalseIgnoresSurefire() {
        surefire.put(element("argLine"), "-Dfrom=surefire");
        user.put(CloudistProperties.USE_SUREFIRE_CONFIG, "false");

        assertThat(run().request().testJvm().argLine()).isEmpty();
    }

    @Test
    void argLineIsLateReplacedAndProjectPropertyIsUsedWhenNothingIsConfigured() {
        projectProperties.put("argLine", "-javaagent:jacoco.jar");
        assertThat(run().request().testJvm().argLine()).isEqualTo("-javaagent:jacoco.jar");

        surefire.put(element("argLine"), "@{argLine} -Xmx1g @{missing}");
        assertThat(run().request().testJvm().argLine()).isEqualTo("-javaagent:jacoco.jar -Xmx1g @{missing}");
    }

    @Test
    void testJvmGetsSurefireSettingsAndUserPropertiesAsSystemProperties() {
        surefire.put(element("systemPropertyVariables"), Map.of("db", "h2", "mode", "surefire"));
        cloudist.put(element("systemPropertyVariables"), Map.of("mode", "cloudist"));
        surefire.put(element("environmentVariables"), Map.of("TZ", "UTC"));
        surefire.put(element("workingDirectory"), "target/work");
        surefire.put(element("jvm"), "/opt/jdk21/bin/java");
        user.put("flavour", "vanilla");

        var jvm = run().request().testJvm();

        assertThat(jvm.systemProperties()).containsEntry("db", "h2").containsEntry("mode", "cloudist");
        assertThat(jvm.systemProperties()).containsEntry("flavour", "vanilla");
        assertThat(jvm.environment()).containsExactlyEntriesOf(Map.of("TZ", "UTC"));
        assertThat(jvm.workingDirectory()).isEqualTo(basedir.resolve("target/work"));
        assertThat(jvm.javaExecutable()).isEqualTo(Path.of("/opt/jdk21/bin/java"));
    }

    @Test
    void missingLauncherIsResolvedAndAppendedWithoutDuplicatingProjectArtifacts() {
        RunRequest request = run().request();

        assertThat(resolved).containsExactly(List.of("org.junit.platform:junit-platform-launcher:1.14.1"));
        assertThat(request.testJvm().classpath())
                .contains(Path.of("/repo/junit-platform-launcher-1.14.1.jar"))
                .doesNotContain(Path.of("/resolved/junit-platform-engine.jar"));
    }

    @Test
    void localBackendRunsWithLocalSettings() {
        user.put(CloudistProperties.REGION, "eu-west-1");

        assertThat(run().request().cloud()).isEqualTo(CloudSettings.local());
    }

    @Test
    void ec2BackendCarriesCloudSettingsAndTheTestJvmsJavaFeatureVersion() throws IOException {
        Path jdk = Files.createDirectories(basedir.resolve("jdk11/bin"));
        Files.createFile(jdk.resolve("java"));
        Files.writeString(jdk.resolveSibling("release"), "JAVA_VERSION=\"11.0.22\"\n");
        user.put(CloudistProperties.BACKEND, "ec2");
        user.put(CloudistProperties.CPU_PER_WORKER, "2");
        user.put(CloudistProperties.MEMORY_PER_WORKER, "4");
        user.put(CloudistProperties.STORE, "s3://builds/cloudist");
        surefire.put(element("jvm"), "jdk11/bin/java");

        RunRequest request = run().request();

        assertThat(request.cloud().backend()).isEqualTo("ec2");
        assertThat(request.cloud().cpuPerWorker()).isEqualTo(2);
        assertThat(request.cloud().memoryPerWorkerGib()).isEqualTo(4.0);
        assertThat(request.cloud().idleMinutes()).isEqualTo(5);
        assertThat(request.cloud().javaFeatureVersion()).isEqualTo(11);
        assertThat(request.store().location()).isEqualTo("s3://builds/cloudist");
    }

    @Test
    void aCloudRunResolvesTheAwsModuleForItselfAndItsWorkersButALocalRunDoesNot() {
        Mapping.Run local = run();
        assertThat(resolved).noneMatch(coordinates -> coordinates.contains("io.cloudist:cloudist-aws:0.1"));
        assertThat(local.extension().files()).isEmpty();
        assertThat(local.request().shipping().workerClasspath()).doesNotContain(Path.of("/resolved/aws.jar"));

        user.put(CloudistProperties.BACKEND, "ec2");
        user.put(CloudistProperties.STORE, "s3://builds/cloudist");
        Mapping.Run cloud = run();

        // What the plugin already has (core) is not loaded twice.
        assertThat(cloud.extension().files())
                .containsExactly(Path.of("/resolved/aws.jar"), Path.of("/resolved/s3.jar"));
        assertThat(cloud.request().shipping().workerClasspath())
                .contains(Path.of("/plugin/worker.jar"), Path.of("/resolved/aws.jar"), Path.of("/resolved/s3.jar"));
    }

    @Test
    void localWorkersOnAnS3StoreNeedTheAwsModuleToo() {
        user.put(CloudistProperties.STORE, "s3://builds/cloudist");

        assertThat(run().extension().files()).contains(Path.of("/resolved/aws.jar"));
    }

    @Test
    void ec2BackendWithoutAReadableJdkUsesTheBuildsJavaVersion() {
        user.put(CloudistProperties.BACKEND, "ec2");

        assertThat(run().request().cloud().javaFeatureVersion())
                .isEqualTo(Runtime.version().feature());
    }

    @Test
    void ec2BackendRefusesALocalDirectoryStore() {
        user.put(CloudistProperties.BACKEND, "ec2");
        cloudist.put(element("store"), "build/store");

        ConfigurationException error = catchThrowableOfType(ConfigurationException.class, this::map);

        assertThat(error.parameter()).isEqualTo(CloudistProperties.STORE);
        assertThat(error.fix()).contains("s3://bucket/prefix");
    }

    @Test
    void skipFlagsSkipWithSurefiresMessage() {
        assertThat(mapWith(() -> user.put("skipTests", "true"))).isEqualTo(new Mapping.Skipped("Tests are skipped."));
        assertThat(mapWith(() -> user.put("maven.test.skip", "true"))).isInstanceOf(Mapping.Skipped.class);
        assertThat(mapWith(() -> user.put("cloudist.skip", "true"))).isInstanceOf(Mapping.Skipped.class);
        assertThat(mapWith(() -> surefire.put(element("skipTests"), "true"))).isInstanceOf(Mapping.Skipped.class);
        assertThat(mapWith(() -> cloudist.put(element("skip"), "true"))).isInstanceOf(Mapping.Skipped.class);
        assertThat(mapWith(() -> projectProperties.put("skipTests", "true"))).isInstanceOf(Mapping.Skipped.class);
    }

    @Test
    void surefiresOwnSkipTurnsSurefireOffButNotCloudist() throws Exception {
        surefire.putAll(SurefireConfiguration.read(
                Xpp3DomBuilder.build(new StringReader("<configuration><skip>true</skip></configuration>")),
                UnaryOperator.identity()));

        assertThat(map()).isInstanceOf(Mapping.Run.class);
    }

    @Test
    void userPropertyCanUnskipWhatSurefireSkips() {
        surefire.put(element("skipTests"), "true");
        user.put("skipTests", "false");

        assertThat(map()).isInstanceOf(Mapping.Run.class);
    }

    @Test
    void missingTestClassesDirectoryMeansNoTests() throws IOException {
        Files.delete(layout.testOutputDirectory());
        user.put("failIfNoTests", "true");

        assertThat(map()).isEqualTo(new Mapping.NoTests("", true));
    }

    @Test
    void projectWithoutJUnitHasNoTestsWithAWarning() {
        projectArtifacts.clear();

        assertThat(map()).isEqualTo(new Mapping.NoTests(RunRequestMapper.NO_JUNIT, false));
    }

    @Test
    void testFailureIgnoreComesFromItsProperty() {
        user.put(CloudistProperties.TEST_FAILURE_IGNORE, "true");

        assertThat(run().testFailureIgnore()).isTrue();
    }

    @Test
    void badValuesAreConfigurationErrorsNamingTheProperty() {
        assertThat(errorFor(CloudistProperties.WORKERS, "many").parameter()).isEqualTo(CloudistProperties.WORKERS);
        assertThat(errorFor(CloudistProperties.WORKERS, "0").fix()).contains("1 or more");
        assertThat(errorFor(CloudistProperties.GRANULARITY, "suite").fix()).contains("class or method");
        assertThat(errorFor(CloudistProperties.TEST_TIMEOUT, "-5").fix()).contains("0 or more");
        assertThat(errorFor(CloudistProperties.STORE_OUTAGE_SECONDS, "-1").fix())
                .contains("0 or more");
        assertThat(errorFor(CloudistProperties.BACKEND, "mainframe").fix()).isEqualTo("use local or ec2");
        assertThat(errorFor(CloudistProperties.TEST, "%regex[").parameter()).isEqualTo("test");
        assertThat(errorFor(CloudistProperties.RERUN_FAILING_TESTS_COUNT, "-1").fix())
                .contains("0 or more");
        assertThat(errorFor(CloudistProperties.FAIL_ON_FLAKE_COUNT, "-2").parameter())
                .isEqualTo(CloudistProperties.FAIL_ON_FLAKE_COUNT);
    }

    private ConfigurationException errorFor(String property, String value) {
        user.clear();
        user.put(property, value);
        ConfigurationException error = catchThrowableOfType(ConfigurationException.class, this::map);
        assertThat(error).as("error for %s=%s", property, value).isNotNull();
        return error;
    }

    private Mapping mapWith(Runnable change) {
        user.clear();
        surefire.clear();
        projectProperties.clear();
        change.run();
        return map();
    }

    private Mapping.Run run() {
        Mapping mapping = map();
        assertThat(mapping).isInstanceOf(Mapping.Run.class);
        return (Mapping.Run) mapping;
    }

    private Mapping map() {
        ParameterSources sources = new ParameterSources(user, cloudist, surefire, projectProperties);
        List<ArtifactFile> plugin = List.of(
                new ArtifactFile("io.cloudist", "cloudist-runner", "0.1", Path.of("/plugin/runner.jar")),
                new ArtifactFile("io.cloudist", "cloudist-core", "0.1", Path.of("/plugin/core.jar")),
                new ArtifactFile("io.cloudist", "cloudist-worker", "0.1", Path.of("/plugin/worker.jar")));
        Map<String, String> late = new HashMap<>(projectProperties);
        late.putAll(user);
        return RunRequestMapper.map(new MappingInput(
                sources,
                layout,
                List.of(layout.testOutputDirectory().toString()),
                projectArtifacts,
                late,
                plugin,
                coordinates -> {
                    resolved.add(coordinates);
                    if (coordinates.equals(List.of("io.cloudist:cloudist-aws:0.1"))) {
                        return List.of(
                                new ArtifactFile("io.cloudist", "cloudist-aws", "0.1", Path.of("/resolved/aws.jar")),
                                new ArtifactFile("io.cloudist", "cloudist-core", "0.1", Path.of("/resolved/core.jar")),
                                new ArtifactFile(
                                        "software.amazon.awssdk", "s3", "2.42.33", Path.of("/resolved/s3.jar")));
                    }
                    return List.of(
                            artifact("org.junit.platform", "junit-platform-launcher", "1.14.1"),
                            new ArtifactFile(
                                    "org.junit.platform",
                                    "junit-platform-engine",
                                    "1.14.1",
                                    Path.of("/resolved/junit-platform-engine.jar")));
                }));
    }

    /** An element of cloudist:test, checked against the configuration reference. */
    private static String element(String name) {
        assertThat(CloudistParameters.ALL).anyMatch(p -> name.equals(p.element()));
        return name;
    }
}
