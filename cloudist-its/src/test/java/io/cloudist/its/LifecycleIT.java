package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.FixtureBuilds;
import io.cloudist.its.harness.ReportedOutcomes;
import io.cloudist.its.harness.ReportedTest;
import io.cloudist.its.harness.SurefireReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The recipe of docs/getting-started.md that makes cloudist replace Surefire in the lifecycle: Surefire's
 * {@code default-test} execution turned off, {@code cloudist:test-no-fork} bound in its place, in a reactor's parent.
 * {@code mvn verify} then compiles once and runs each test once, through cloudist, with Surefire's configuration;
 * Surefire's switches and {@code -Dsurefire.*} properties keep working; and the parent, a {@code pom} module, prints
 * nothing about tests. Each fixture test appends its name to the file {@code -Dfixture.runs} names.
 */
class LifecycleIT {
    private static final String FIXTURE = "lifecycle";
    private static final String CLASSES = "io.cloudist.fixtures.lifecycle.";
    private static final Pattern TEST_COMPILE = Pattern.compile(
            "(?m)^\\[INFO] --- (maven-compiler-plugin|compiler):[^ ]+:testCompile \\(default-testCompile\\) @ app ---$");
    private static final Pattern COMPILE = Pattern.compile(
            "(?m)^\\[INFO] --- (maven-compiler-plugin|compiler):[^ ]+:compile \\(default-compile\\) @ app ---$");
    private static final Pattern CLOUDIST_IN_APP =
            Pattern.compile("--- cloudist(-maven-plugin)?:[^ ]+:test-no-fork \\(cloudist-test\\) @ app ---");

    private final FixtureBuilds builds = FixtureBuilds.fromSystemProperties();

    @BeforeEach
    void theRecipeIsCloudists() {
        assumeFalse(builds.environment().cloudistIsSurefire(), "the recipe binds cloudist, not Surefire");
    }

    @Test
    void verifyCompilesOnceAndRunsEachTestOnceThroughCloudist() throws IOException {
        Path project = builds.copy(FIXTURE, "verify");

        BuildResult build = verify(project);

        assertThat(build.succeeded()).as("%s", build).isTrue();
        assertThat(runs(project))
                .containsExactlyInAnyOrder("OneTest#greets", "OneTest#failsWhenAskedTo", "TwoTest#greets");
        assertThat(TEST_COMPILE.matcher(build.log()).results().count())
                .as("testCompile runs")
                .isEqualTo(1);
        assertThat(COMPILE.matcher(build.log()).results().count())
                .as("compile runs")
                .isEqualTo(1);
        assertThat(build.log()).containsPattern(CLOUDIST_IN_APP).doesNotContain(":test (default-test)");
        assertThat(ReportedOutcomes.keys(reports(project)))
                .containsExactly(
                        CLASSES + "OneTest#failsWhenAskedTo PASSED",
                        CLASSES + "OneTest#greets PASSED",
                        CLASSES + "TwoTest#greets PASSED");
        assertThat(build.log()).as("the pom module says nothing").doesNotContain("No tests to run.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-DskipTests", "-Dmaven.test.skip=true"})
    void surefiresSkipPropertiesSkipTheTests(String property) throws IOException {
        Path project = builds.copy(FIXTURE, property.substring("-D".length()).replace("=true", ""));

        BuildResult build = verify(project, property);

        assertThat(build.succeeded()).as("%s", build).isTrue();
        assertThat(build.log()).contains("Tests are skipped.");
        assertThat(runs(project)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-Dtest=OneTest", "-Dsurefire.excludes=**/TwoTest.java"})
    void surefiresSelectionPropertiesChooseTheTests(String property) throws IOException {
        Path project = builds.copy(FIXTURE, property.substring("-D".length(), property.indexOf('=')));

        BuildResult build = verify(project, property);

        assertThat(build.succeeded()).as("%s", build).isTrue();
        assertThat(runs(project)).containsExactlyInAnyOrder("OneTest#greets", "OneTest#failsWhenAskedTo");
    }

    @Test
    void surefiresFailIfNoSpecifiedTestsPropertyLetsATestFilterMatchNothing() throws IOException {
        Path project = builds.copy(FIXTURE, "surefire-no-specified-tests");

        BuildResult build = verify(project, "-Dtest=NoSuchTest", "-Dsurefire.failIfNoSpecifiedTests=false");

        assertThat(build.succeeded()).as("%s", build).isTrue();
        assertThat(runs(project)).isEmpty();
    }

    @Test
    void failureIgnoreReportsAFailingTestWithoutFailingTheBuild() throws IOException {
        Path project = builds.copy(FIXTURE, "failure-ignore");

        BuildResult build = verify(project, "-Dfixture.fail=true", "-Dmaven.test.failure.ignore=true");

        assertThat(build.succeeded()).as("%s", build).isTrue();
        assertThat(ReportedOutcomes.keys(reports(project))).contains(CLASSES + "OneTest#failsWhenAskedTo FAILED");
        assertThat(runs(project)).hasSize(3);
    }

    /** {@code mvn verify} in the fixture's copy, its tests recording their runs in {@code test-runs.txt} beside it. */
    private BuildResult verify(Path project, String... arguments) {
        List<String> all = new ArrayList<>(List.of("verify", "-Dfixture.runs=" + project.resolve("test-runs.txt")));
        all.addAll(List.of(arguments));
        return builds.maven(project, Map.of(), all.toArray(String[]::new));
    }

    private static List<String> runs(Path project) throws IOException {
        Path runs = project.resolve("test-runs.txt");
        return Files.exists(runs) ? Files.readAllLines(runs) : List.of();
    }

    private static List<ReportedTest> reports(Path project) {
        return SurefireReports.read(project.resolve("app/target/surefire-reports"));
    }
}
