package io.cloudist.maven;

import static io.cloudist.maven.JUnitPlatformArtifactsTest.artifact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudist.core.ConfigurationException;
import io.cloudist.core.plan.RunOrder;
import io.cloudist.core.run.RunRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Surefire's parameters that change which tests run or how, mapped onto the run; the rest warned about. */
class SurefireParametersMappingTest {
    @TempDir
    Path temp;

    Path basedir;
    ProjectLayout layout;
    final List<String> classpath = new ArrayList<>();
    final Map<String, String> user = new HashMap<>();
    final Map<String, Object> surefire = new HashMap<>();
    final List<ArtifactFile> artifacts = new ArrayList<>(List.of(
            artifact("org.junit.jupiter", "junit-jupiter-engine", "5.14.1"),
            artifact("org.junit.platform", "junit-platform-engine", "1.14.1"),
            artifact("org.junit.platform", "junit-platform-launcher", "1.14.1")));

    @BeforeEach
    void module() throws IOException {
        basedir = Files.createDirectories(temp.resolve("project/module"));
        layout = new ProjectLayout(
                "com.acme",
                "shop",
                basedir,
                basedir.resolve("target"),
                Files.createDirectories(basedir.resolve("target/test-classes")),
                basedir.resolve("target/classes"),
                Path.of("/jdk"),
                4,
                temp.resolve("project"),
                List.of(basedir.resolve("target")));
        classpath.add(layout.testOutputDirectory().toString());
        classpath.add(layout.outputDirectory().toString());
    }

    private Mapping.Run run() {
        ParameterSources sources = new ParameterSources(user, Map.of(), surefire, Map.of());
        List<ArtifactFile> plugin = List.of(
                new ArtifactFile("io.cloudist", "cloudist-runner", "0.1", Path.of("/plugin/runner.jar")),
                new ArtifactFile("io.cloudist", "cloudist-worker", "0.1", Path.of("/plugin/worker.jar")));
        Mapping mapping = RunRequestMapper.map(
                new MappingInput(sources, layout, classpath, artifacts, Map.of(), plugin, coordinates -> List.of()));
        assertThat(mapping).isInstanceOf(Mapping.Run.class);
        return (Mapping.Run) mapping;
    }

    @Test
    void forkCountSetsTheWorkersUnlessCloudistsOwnAreSetAndCountsPerCoreWithC() {
        surefire.put("forkCount", "1.5C");
        assertThat(run().request().scheduling().workers()).isEqualTo(6);
        surefire.put("forkCount", "3");
        assertThat(run().request().scheduling().workers()).isEqualTo(3);
        surefire.put("forkCount", "0");
        assertThat(run().request().scheduling().workers()).isEqualTo(1);
        user.put("cloudist.workers", "2");
        assertThat(run().request().scheduling().workers()).isEqualTo(2);
        user.clear();
        surefire.put("forkCount", "two");
        assertThat(catchThrowableOfType(ConfigurationException.class, this::run).parameter())
                .isEqualTo("forkCount");
    }

    @Test
    void reuseForksAndTheForkTimeoutAreTheDefaultsOfCloudistsOwn() {
        surefire.put("reuseForks", "false");
        surefire.put("forkedProcessTimeoutInSeconds", "300");
        RunRequest request = run().request();
        assertThat(request.forks().reuseForks()).isFalse();
        assertThat(request.forks().testTimeout()).isEqualTo(Duration.ofSeconds(300));

        user.put("cloudist.testTimeout", "60");
        user.put("reuseForks", "true");
        request = run().request();
        assertThat(request.forks().testTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(request.forks().reuseForks()).isTrue();
    }

    @Test
    void runOrderAndSkipAfterFailureCountReachTheRun() {
        surefire.put("runOrder", "reversealphabetical");
        user.put("surefire.skipAfterFailureCount", "3");
        RunRequest request = run().request();
        assertThat(request.scheduling().runOrder().kind()).isEqualTo(RunOrder.Kind.REVERSEALPHABETICAL);
        assertThat(request.failurePolicy().skipAfterFailureCount()).isEqualTo(3);

        user.put("surefire.runOrder", "random");
        user.put("surefire.runOrder.random.seed", "42");
        assertThat(run().request().scheduling().runOrder()).isEqualTo(new RunOrder(RunOrder.Kind.RANDOM, 42));
        user.put("surefire.runOrder", "sideways");
        assertThat(catchThrowableOfType(ConfigurationException.class, this::run).parameter())
                .isEqualTo("surefire.runOrder");
    }

    @Test
    void dependenciesToScanAddTheirJarsToWhatIsScannedForTestClasses() throws IOException {
        Path jar = temp.resolve("shared-tests.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("com/acme/shared/ContractTest.class"));
            zip.closeEntry();
        }
        artifacts.add(new ArtifactFile("com.acme", "shared-tests", "1.0", jar));
        artifacts.add(artifact("com.acme", "other", "1.0"));
        surefire.put("dependenciesToScan", List.of("com.acme:shared-*"));

        assertThat(run().request().selection().testClassesDirectories())
                .containsExactly(layout.testOutputDirectory(), jar);
    }

    @Test
    void enginesSystemPropertiesFileClassesDirectoryAndEnvironmentReachTheTestJvm() throws IOException {
        Files.writeString(basedir.resolve("test.properties"), "fromFile=1\nshared=file\n");
        surefire.put("systemPropertiesFile", "test.properties");
        surefire.put("systemPropertyVariables", Map.of("shared", "variables"));
        surefire.put("includeJUnit5Engines", List.of("junit-jupiter"));
        user.put("surefire.excludedEnvironmentVariables", "SECRET_TOKEN,HOME");
        surefire.put("classesDirectory", "target/classes-instrumented");
        RunRequest request = run().request();

        assertThat(request.testJvm().systemProperties())
                .containsEntry("fromFile", "1")
                .containsEntry("shared", "variables");
        assertThat(request.selection().includeEngines()).containsExactly("junit-jupiter");
        assertThat(request.testJvm().excludedEnvironment()).containsExactly("SECRET_TOKEN", "HOME");
        assertThat(request.testJvm().classpath())
                .contains(basedir.resolve("target/classes-instrumented"))
                .doesNotContain(basedir.resolve("target/classes"));
    }

    @Test
    void testClassesDirectoryAndExcludesFileAndExcludedEnginesShapeTheSelection() throws IOException {
        Files.createDirectories(basedir.resolve("target/it-classes"));
        Files.writeString(basedir.resolve("excludes.txt"), "# slow ones\n**/*SlowTest.java\n\n**/Legacy*\n");
        surefire.put("testClassesDirectory", "target/it-classes");
        surefire.put("excludesFile", "excludes.txt");
        surefire.put("excludeJUnit5Engines", List.of("junit-vintage"));

        var selection = run().request().selection();

        assertThat(selection.testClassesDirectories()).containsExactly(basedir.resolve("target/it-classes"));
        assertThat(selection.excludes()).contains("**/*SlowTest.java", "**/Legacy*");
        assertThat(selection.excludeEngines()).containsExactly("junit-vintage");

        surefire.remove("excludeJUnit5Engines");
        user.put("surefire.excludeJUnit5Engines", "junit-vintage,spock");
        assertThat(run().request().selection().excludeEngines()).containsExactly("junit-vintage", "spock");
    }

    @Test
    void enableAssertionsFalseTurnsThemOff() {
        assertThat(run().request().testJvm().enableAssertions()).isTrue();
        surefire.put("enableAssertions", "false");
        assertThat(run().request().testJvm().enableAssertions()).isFalse();
        surefire.clear();
        user.put("enableAssertions", "false");
        assertThat(run().request().testJvm().enableAssertions()).isFalse();
    }

    @Test
    void classpathDependencyExcludesLeaveThoseJarsOffTheTestClasspath() {
        ArtifactFile bridge = artifact("com.acme", "logging-bridge", "1.0");
        artifacts.add(bridge);
        classpath.add(bridge.file().toString());
        assertThat(run().request().testJvm().classpath())
                .anySatisfy(p -> assertThat(p.toString()).contains("logging-bridge"));

        surefire.put("classpathDependencyExcludes", List.of("com.acme:logging-bridge"));

        assertThat(run().request().testJvm().classpath())
                .noneSatisfy(p -> assertThat(p.toString()).contains("logging-bridge"))
                .contains(layout.testOutputDirectory());
    }

    @Test
    void runOrderRandomSeedIsTheSeedOfTheRandomOrder() {
        surefire.put("runOrder", "random");
        surefire.put("runOrderRandomSeed", "7");
        assertThat(run().request().scheduling().runOrder()).isEqualTo(new RunOrder(RunOrder.Kind.RANDOM, 7));
    }

    @Test
    void promoteUserPropertiesToSystemPropertiesFalseKeepsUserPropertiesOut() {
        user.put("db.url", "jdbc:h2:mem:x");
        assertThat(run().request().testJvm().systemProperties()).containsEntry("db.url", "jdbc:h2:mem:x");

        surefire.put("promoteUserPropertiesToSystemProperties", "false");
        assertThat(run().request().testJvm().systemProperties()).doesNotContainKey("db.url");
    }

    @Test
    void reportOptionsReachTheReportStyle() {
        surefire.put("enableOutErrElements", "false");
        surefire.put("enablePropertiesElement", "false");
        user.put("surefire.useFile", "false");
        user.put("trimStackTrace", "true");

        var style = run().request().reportStyle();
        assertThat(style.outErrElements()).isFalse();
        assertThat(style.propertiesElement()).isFalse();
        assertThat(style.textReports()).isFalse();
        assertThat(style.trimStackTrace()).isTrue();
    }

    @Test
    void aTestSourceDirectoryOutsideTheProjectTravelsAsExtraFiles() {
        surefire.put("testSourceDirectory", "../../shared-tests/src");
        assertThat(run().request().shipping().extraFiles()).containsExactly("../../shared-tests/src/**");

        surefire.put("testSourceDirectory", "src/it/java");
        assertThat(run().request().shipping().extraFiles()).isEmpty();
    }

    @Test
    void skipExecSkipsAsSkipTestsDoes() {
        user.put("maven.test.skip.exec", "true");
        ParameterSources sources = new ParameterSources(user, Map.of(), surefire, Map.of());
        assertThat(RunRequestMapper.map(new MappingInput(
                        sources, layout, List.of(), artifacts, Map.of(), List.of(), coordinates -> List.of())))
                .isInstanceOf(Mapping.Skipped.class);
    }

    @Test
    void settingsCloudistCannotHonourAreWarnedAboutByName() throws IOException {
        surefire.put("parallel", "methods");
        surefire.put("threadCount", "4");
        surefire.put("useSystemClassLoader", "false");
        surefire.put("properties", Map.of("listener", "com.acme.Listener", "configurationParameters", "a=b"));
        Files.writeString(
                Files.createDirectories(basedir.resolve("target/classes")).resolve("module-info.class"), "");

        assertThat(run().warnings())
                .anySatisfy(w -> assertThat(w)
                        .startsWith("cloudist: Surefire's <parallel> (-Dparallel) methods is not"
                                + " honoured: Tests do not run in parallel inside a test JVM"))
                .anySatisfy(w -> assertThat(w).contains("<useSystemClassLoader>", "false is warned about"))
                .anySatisfy(w -> assertThat(w).contains("<useModulePath>"))
                .anySatisfy(w -> assertThat(w).contains("<properties><listener>"))
                .noneSatisfy(w -> assertThat(w).contains("threadCount"))
                .noneSatisfy(w -> assertThat(w).contains("<properties><configurationParameters>"));
    }

    @Test
    void defaultsGiveNoWarning() {
        assertThat(run().warnings()).isEmpty();
    }
}
