package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.Directories;
import io.cloudist.its.harness.FixtureBuilds;
import io.cloudist.its.harness.ItEnvironment;
import io.cloudist.its.harness.Maven;
import io.cloudist.its.harness.ReportedOutcomes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The documented way to type {@code mvn cloudist:test} in a project that does not declare the plugin: {@code mvn
 * install} of cloudist-maven-plugin, and {@code <pluginGroup>io.cloudist</pluginGroup>} in settings.xml. Checked on
 * Maven 3.8.7 and 3.9.11 (and on the Maven that runs this build, when it is another), each with a local repository
 * that starts empty, so that only that install can have told Maven what the prefix cloudist stands for.
 */
class PluginPrefixIT {
    private static final String FIXTURE = "undeclared";
    private static final String CORE_PROPERTIES = "META-INF/maven/org.apache.maven/maven-core/pom.properties";

    private final FixtureBuilds builds = FixtureBuilds.fromSystemProperties();

    static Stream<Arguments> mavens() {
        Path buildsOwn = ItEnvironment.fromSystemProperties().mavenHome();
        Path maven38 = Path.of(System.getProperty("cloudist.its.maven38Home"));
        Path maven39 = Path.of(System.getProperty("cloudist.its.maven39Home"));
        Map<String, Path> byVersion = new LinkedHashMap<>();
        for (Path home : List.of(maven38, maven39, buildsOwn)) {
            byVersion.putIfAbsent(version(home), home);
        }
        return byVersion.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("mavens")
    void afterMvnInstallThePrefixFindsThePluginThroughThePluginGroup(String version, Path mavenHome)
            throws IOException {
        assumeFalse(builds.environment().cloudistIsSurefire(), "the prefix cloudist does not apply to Surefire");
        ItEnvironment its = builds.environment();
        Path work = its.work().resolve("prefix-maven-" + version);
        Directories.deleteRecursively(work);
        Path repository = work.resolve("repository");
        Maven maven = new Maven(new ItEnvironment(
                mavenHome,
                Path.of(System.getProperty("cloudist.its.prefixSettings")),
                repository,
                its.projects(),
                its.examples(),
                its.work(),
                its.version(),
                its.cloudistGoal()));

        // The copy's formatting was checked in the build that made it.
        BuildResult install = maven.run(
                copyPluginModule(work.resolve("source")),
                "install",
                "-Dmaven.test.skip=true",
                "-Dspotless.check.skip=true");

        assertThat(install.succeeded()).as("%s", install).isTrue();
        assertThat(repository.resolve("io/cloudist/maven-metadata-local.xml"))
                .as("the group's metadata, which maps the prefix to the plugin")
                .content()
                .contains("<prefix>cloudist</prefix>");

        BuildResult cloudist = maven.run(builds.copy(FIXTURE, "maven-" + version), "cloudist:test");

        assertThat(cloudist.succeeded()).as("%s", cloudist).isTrue();
        // Maven 3.9 names a plugin by its prefix in this line, Maven 3.8 by its artifactId.
        assertThat(cloudist.log())
                .containsPattern("--- cloudist(-maven-plugin)?:" + Pattern.quote(its.version())
                        + ":test \\(default-cli\\) @ " + FIXTURE + " ---");
        assertThat(ReportedOutcomes.keys(cloudist.reportedTests()))
                .containsExactly("io.cloudist.fixtures.undeclared.GreetingTest#greets PASSED");
    }

    /** The plugin module's POM and main sources under {@code target}, with the parent POM beside it as in the repo. */
    private static Path copyPluginModule(Path target) throws IOException {
        Path module = Path.of(System.getProperty("cloudist.its.pluginModule"))
                .toAbsolutePath()
                .normalize();
        Files.createDirectories(target);
        Files.copy(module.resolveSibling("pom.xml"), target.resolve("pom.xml"));
        Path copy = target.resolve(module.getFileName().toString());
        Files.createDirectories(copy);
        Files.copy(module.resolve("pom.xml"), copy.resolve("pom.xml"));
        try (Stream<Path> files = Files.walk(module.resolve("src/main"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path destination = copy.resolve(module.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination);
                }
            }
        }
        return copy;
    }

    /** The version of the Maven installed at {@code home}, as its maven-core jar records it. */
    private static String version(Path home) {
        try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
            Path core = jars.filter(jar -> jar.getFileName().toString().startsWith("maven-core-"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No maven-core jar in " + home.resolve("lib")));
            try (JarFile jar = new JarFile(core.toFile())) {
                Properties properties = new Properties();
                properties.load(jar.getInputStream(jar.getEntry(CORE_PROPERTIES)));
                return properties.getProperty("version");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the version of the Maven in " + home, e);
        }
    }
}
