package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.FixtureBuilds;
import io.cloudist.its.harness.ReportedOutcomes;
import io.cloudist.testing.TreeCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two local runs of one module: the first writes a class data archive of the test classpath's jars, the second's test
 * JVMs map it, with the jars first on their classpath, and both report what Surefire reports. Then a fresh copy of
 * the module, given only what docs/ci.md says to cache between builds, starts as warm as the second run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassDataIT {
    private static final String FIXTURE = "passing";

    private final FixtureBuilds builds = FixtureBuilds.fromSystemProperties();
    private Path project;
    private List<String> surefire;
    private BuildResult first;
    private List<String> reportedByFirst;
    private String loggedByFirst;
    private BuildResult second;
    private List<String> reportedBySecond;
    private String loggedBySecond;

    @BeforeAll
    void runTwice() throws IOException {
        assumeFalse(builds.environment().cloudistIsSurefire(), "class data sharing is cloudist's");
        surefire = ReportedOutcomes.keys(
                builds.surefire(builds.copy(FIXTURE, "class-data-surefire")).reportedTests());
        project = builds.copy(FIXTURE, "class-data");
        first = builds.cloudist(project, "-Dcloudist.workers=2");
        reportedByFirst = ReportedOutcomes.keys(first.reportedTests());
        loggedByFirst = workerLogs();
        second = builds.cloudist(project, "-Dcloudist.workers=2");
        reportedBySecond = ReportedOutcomes.keys(second.reportedTests());
        loggedBySecond = workerLogs();
    }

    @Test
    void theFirstRunWritesTheArchiveInTheWorkersCacheWhileItsTestJvmsStartWithout() throws IOException {
        assertThat(first.succeeded()).as("%s", first).isTrue();
        assertThat(loggedByFirst)
                .contains("Writing the class data archive")
                .doesNotContain("map the class data archive");
        try (Stream<Path> archives = Files.list(project.resolve("target/cloudist/workers/cache/class-data"))) {
            assertThat(archives.map(p -> p.getFileName().toString())).anyMatch(n -> n.matches("test-\\w{16}\\.jsa"));
        }
    }

    @Test
    void theSecondRunsTestJvmsMapIt() throws IOException {
        assertThat(second.succeeded()).as("%s", second).isTrue();
        assertThat(loggedBySecond).contains("map the class data archive").doesNotContain("Writing the class data");
        try (Stream<Path> arguments = Files.walk(project.resolve("target/cloudist/workers"))) {
            assertThat(arguments.filter(p -> p.getFileName().toString().equals("jvm-1.args")))
                    .isNotEmpty()
                    .allSatisfy(file -> assertThat(Files.readString(file)).contains("-XX:SharedArchiveFile="));
        }
    }

    @Test
    void whatTheCiGuideSaysToCacheMakesAFreshCheckoutStartWarm() throws IOException {
        List<String> cached = cachedPaths(
                builds.environment().examples().resolveSibling("docs").resolve("ci.md"));
        assertThat(cached)
                .as("the paths of docs/ci.md's \"What to cache\" table")
                .contains("target/cloudist/timings.json", "target/cloudist/discovery/cache.json");
        Path fresh = builds.copy(FIXTURE, "class-data-fresh-checkout");
        for (String path : cached) {
            assertThat(project.resolve(path)).as("%s, after two runs", path).exists();
            TreeCopy.copy(project.resolve(path), fresh.resolve(path));
        }

        BuildResult third = builds.cloudist(fresh, "-Dcloudist.workers=2");

        assertThat(third.succeeded()).as("%s", third).isTrue();
        assertThat(ReportedOutcomes.keys(third.reportedTests())).containsExactlyElementsOf(surefire);
        assertThat(logsOf(fresh)).contains("map the class data archive").doesNotContain("Writing the class data");
        assertThat(fresh.resolve("target/cloudist/discovery/discover.args"))
                .as("no discovery JVM: the cached discovery was used")
                .doesNotExist();
    }

    /** The paths in the first column of the "What to cache" table of the CI guide. */
    private static List<String> cachedPaths(Path guide) throws IOException {
        List<String> lines = Files.readAllLines(guide);
        int section = lines.indexOf("### What to cache");
        assertThat(section).as("the \"What to cache\" section of %s", guide).isNotNegative();
        return lines.subList(section, lines.size()).stream()
                .dropWhile(line -> !line.startsWith("|"))
                .takeWhile(line -> line.startsWith("|"))
                .map(line -> line.split("\\|")[1].trim())
                .filter(cell -> cell.startsWith("`") && cell.endsWith("`"))
                .map(cell -> cell.substring(1, cell.length() - 1).replaceAll("/$", ""))
                .toList();
    }

    @Test
    void bothRunsReportWhatSurefireReports() {
        assertThat(reportedByFirst).containsExactlyElementsOf(surefire);
        assertThat(reportedBySecond).containsExactlyElementsOf(surefire);
    }

    @Test
    void nothingIsWrittenIntoTheModuleOutsideCloudistsWorkDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(project)) {
            assertThat(files.filter(Files::isRegularFile)
                            .filter(p -> !p.startsWith(project.resolve("target/cloudist")))
                            .map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.endsWith(".jsa") || name.startsWith("hs_err") || name.endsWith(".lock"));
        }
    }

    /** What the local worker agents of the project's last run logged. */
    private String workerLogs() throws IOException {
        return logsOf(project);
    }

    /** What the local worker agents of {@code module}'s last run logged. */
    private static String logsOf(Path module) throws IOException {
        StringBuilder logs = new StringBuilder();
        try (Stream<Path> files = Files.list(module.resolve("target/cloudist/workers"))) {
            for (Path log : files.filter(p -> p.getFileName().toString().endsWith(".log"))
                    .sorted()
                    .toList()) {
                logs.append(Files.readString(log));
            }
        }
        return logs.toString();
    }
}
