package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.ConsoleOutput;
import io.cloudist.its.harness.FixtureBuilds;
import io.cloudist.its.harness.ReportedOutcomes;
import io.cloudist.its.harness.ReportedTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Invariants 1 and 3 on a project with every kind of outcome. Surefire's baseline leaves out the class that calls
 * {@code System.exit}: it crashes Surefire's fork, so Surefire has no answer to compare with for it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MixedIT {
    private static final String FIXTURE = "mixed";
    private static final String PACKAGE = "io.cloudist.fixtures.mixed.";
    private static final String EXIT_CLASS = PACKAGE + "SystemExitTest";
    private static final String FAILURE_WORDING = "There are test failures";

    private final FixtureBuilds builds = FixtureBuilds.fromSystemProperties();
    private BuildResult surefire;
    private BuildResult cloudist;
    private BuildResult cloudistIgnoringFailures;
    /** The file GitHub Actions would show on the job's page. */
    private Path stepSummary;

    @BeforeAll
    void buildWithSurefireAndCloudist() {
        surefire = builds.surefire(builds.copy(FIXTURE, "surefire"), "-DexcludedGroups=exits");
        Path project = builds.copy(FIXTURE, "cloudist");
        stepSummary = project.resolveSibling("cloudist-step-summary.md");
        cloudist = builds.cloudist(project, Map.of("GITHUB_STEP_SUMMARY", stepSummary.toString()), cloudistArguments());
        cloudistIgnoringFailures = builds.cloudist(
                builds.copy(FIXTURE, "failure-ignore"), cloudistArguments("-Dmaven.test.failure.ignore=true"));
    }

    /** When the harness checks itself against Surefire, the exit class is left out there too. */
    private String[] cloudistArguments(String... extra) {
        List<String> arguments = new ArrayList<>(List.of("-Dcloudist.workers=2"));
        if (builds.environment().cloudistIsSurefire()) {
            arguments.add("-DexcludedGroups=exits");
        }
        arguments.addAll(List.of(extra));
        return arguments.toArray(String[]::new);
    }

    @Test
    void surefireBaselineFailsWithEveryKindOfOutcome() {
        assertThat(surefire.failed()).as("%s", surefire).isTrue();
        assertThat(surefire.log()).contains(FAILURE_WORDING);
        List<ReportedTest> tests = surefire.reportedTests();
        assertThat(ReportedOutcomes.keys(tests))
                .hasSize(21)
                .contains(
                        PACKAGE + "BeforeAllFailsTest# ERROR",
                        PACKAGE + "LegacyJUnit4Test#isIgnored SKIPPED",
                        PACKAGE + "NestedOutcomesTest$Inner$Deeper#deeperThrows ERROR",
                        "Awkward <&\"'> names#acceptsAwkwardValues(String)[3] FAILED",
                        "Awkward <&\"'> names#größeÜberprüfen PASSED",
                        PACKAGE + "OutcomesTest#isAbortedByAnAssumption SKIPPED");
        assertThat(ConsoleOutput.resultsTotals(surefire)).isEqualTo(ConsoleOutput.totalsOf(tests));
        assertThat(ConsoleOutput.topLevelClassesWithResultLine(surefire))
                .hasSameSizeAs(ReportedOutcomes.reportedClasses(surefire.reportsDirectory()))
                .contains(PACKAGE + "OutcomesTest", "Awkward <&\"'> names");
    }

    @Test
    void cloudistFailsTheBuildWithSurefiresWording() {
        assertThat(cloudist.failed()).as("%s", cloudist).isTrue();
        assertThat(cloudist.log()).as("%s", cloudist).contains(FAILURE_WORDING);
    }

    @Test
    void cloudistSummarisesTheRunOnTheJobPageWhenGitHubActionsAsks() throws IOException {
        assumeFalse(builds.environment().cloudistIsSurefire(), "Surefire writes no step summary");
        String markdown = Files.readString(stepSummary);
        assertThat(markdown)
                .as(markdown)
                .contains("cloudist: mixed failed", "report.html")
                .contains("`Awkward <&\"'> names#acceptsAwkwardValues(String)[3]`")
                .contains("`" + PACKAGE + "NestedOutcomesTest$Inner$Deeper#deeperThrows` (error)");
    }

    @Test
    void cloudistReportsEveryTestOnceWithSurefiresOutcome() {
        assertThat(ReportedOutcomes.keysWithout(cloudist.reportedTests(), MixedIT::inExitClass))
                .as("%s", cloudist)
                .containsExactlyElementsOf(ReportedOutcomes.keys(surefire.reportedTests()));
    }

    @Test
    void cloudistReportsTheSystemExitAsAnErrorNamingTheExitCode() {
        assumeFalse(builds.environment().cloudistIsSurefire(), "Surefire crashes on System.exit");
        ReportedTest exit = reported(cloudist, EXIT_CLASS + "#callsSystemExit");

        assertThat(exit.result()).isEqualTo(ReportedTest.Result.ERROR);
        assertThat(exit.message() + "\n" + exit.detail()).containsPattern("(?i)exit\\D{0,40}\\b3\\b");
    }

    @Test
    void cloudistRunsTheTestsAroundTheSystemExit() {
        assumeFalse(builds.environment().cloudistIsSurefire(), "Surefire crashes on System.exit");

        assertThat(ReportedOutcomes.keys(cloudist.reportedTests().stream()
                        .filter(MixedIT::inExitClass)
                        .toList()))
                .as("%s", cloudist)
                .containsExactly(
                        EXIT_CLASS + "#alsoRunsAfterTheExit PASSED",
                        EXIT_CLASS + "#alsoRunsBeforeTheExit PASSED",
                        EXIT_CLASS + "#callsSystemExit ERROR",
                        EXIT_CLASS + "#runsAfterTheExit PASSED",
                        EXIT_CLASS + "#runsBeforeTheExit PASSED");
    }

    @Test
    void cloudistKeepsAwkwardFailureMessagesIntact() {
        for (String id : List.of(
                "Awkward <&\"'> names#acceptsAwkwardValues(String)[3]",
                PACKAGE + "ConsoleNoiseTest#failsWithCdataEndInItsMessage",
                PACKAGE + "BeforeAllFailsTest#")) {
            assertThat(reported(cloudist, id).message())
                    .as("message of %s", id)
                    .isEqualTo(reported(surefire, id).message());
        }
    }

    @Test
    void cloudistPrintsAResultLinePerClassAndTheResultsBlock() {
        Set<String> classes = new TreeSet<>(ConsoleOutput.topLevelClassesWithResultLine(surefire));
        if (!builds.environment().cloudistIsSurefire()) {
            classes.add(EXIT_CLASS);
        }
        assertThat(ConsoleOutput.topLevelClassesWithResultLine(cloudist))
                .as("%s", cloudist)
                .containsExactlyElementsOf(classes);
        assertThat(ConsoleOutput.resultsTotals(cloudist))
                .as("%s", cloudist)
                .isEqualTo(ConsoleOutput.totalsOf(cloudist.reportedTests()));
    }

    @Test
    void testFailureIgnorePassesTheBuildWithTheSameReports() {
        assertThat(cloudistIgnoringFailures.succeeded())
                .as("%s", cloudistIgnoringFailures)
                .isTrue();
        assertThat(ReportedOutcomes.keys(cloudistIgnoringFailures.reportedTests()))
                .as("%s", cloudistIgnoringFailures)
                .containsExactlyElementsOf(ReportedOutcomes.keys(cloudist.reportedTests()));
    }

    private static boolean inExitClass(ReportedTest test) {
        return test.className().equals(EXIT_CLASS);
    }

    private static ReportedTest reported(BuildResult build, String id) {
        return build.reportedTests().stream()
                .filter(test -> test.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not in the reports of " + build));
    }
}
