package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.timeline.Phase;
import io.cloudist.core.timeline.RunTimeline;
import io.cloudist.core.timeline.TimelineFiles;
import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.ConsoleOutput;
import io.cloudist.its.harness.FixtureBuilds;
import io.cloudist.its.harness.ReportedOutcomes;
import io.cloudist.its.harness.ReportedTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Invariant 3 on a green project: the same tests with the same outcomes as Surefire. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PassingIT {
    private static final String FIXTURE = "passing";

    private final FixtureBuilds builds = FixtureBuilds.fromSystemProperties();
    private BuildResult surefire;
    private BuildResult cloudist;

    @BeforeAll
    void buildWithSurefireAndCloudist() {
        surefire = builds.surefire(builds.copy(FIXTURE, "surefire"));
        cloudist = builds.cloudist(builds.copy(FIXTURE, "cloudist"), "-Dcloudist.workers=2");
    }

    @Test
    void surefireBaselineRunsNestedParameterizedAndDynamicTests() {
        assertThat(surefire.succeeded()).as("%s", surefire).isTrue();
        assertThat(ReportedOutcomes.keys(surefire.reportedTests()))
                .hasSize(20)
                .contains(
                        "io.cloudist.fixtures.passing.NestedGreeterTest$InEnglish$Formally#addsTitle PASSED",
                        "io.cloudist.fixtures.passing.ParameterizedGreeterTest#greetsEveryName(String)[3] PASSED",
                        "io.cloudist.fixtures.passing.ParameterizedGreeterTest#greetsDynamically()[2] PASSED",
                        "io.cloudist.fixtures.passing.GreeterTest#disabledGreeting SKIPPED");
        assertThat(ConsoleOutput.topLevelClassesWithResultLine(surefire))
                .isEqualTo(ReportedOutcomes.reportedClasses(surefire.reportsDirectory()));
    }

    @Test
    void cloudistBuildSucceeds() {
        assertThat(cloudist.succeeded()).as("%s", cloudist).isTrue();
    }

    @Test
    void cloudistReportsTheSameTestsWithTheSameOutcomesAsSurefire() {
        assertThat(ReportedOutcomes.keys(cloudist.reportedTests()))
                .as("%s", cloudist)
                .containsExactlyElementsOf(ReportedOutcomes.keys(surefire.reportedTests()));
    }

    @Test
    void cloudistWritesOneReportPerTopLevelClassAsSurefireDoes() {
        assertThat(ReportedOutcomes.reportedClasses(cloudist.reportsDirectory()))
                .as("%s", cloudist)
                .isEqualTo(ReportedOutcomes.reportedClasses(surefire.reportsDirectory()));
    }

    @Test
    void cloudistPrintsAResultLinePerClassAndTheTotals() {
        assertThat(ConsoleOutput.topLevelClassesWithResultLine(cloudist))
                .as("%s", cloudist)
                .containsExactlyElementsOf(ConsoleOutput.topLevelClassesWithResultLine(surefire));
        assertThat(ConsoleOutput.resultsTotals(cloudist))
                .as("%s", cloudist)
                .isEqualTo(ConsoleOutput.resultsTotals(surefire))
                .isEqualTo(ConsoleOutput.totalsOf(surefire.reportedTests()));
    }

    @Test
    void cloudistLeavesARunTimelineListingEveryReportedTestOnceAndNamesIt() {
        Path directory = cloudist.project().resolve("target/cloudist");
        assertThat(directory.resolve(TimelineFiles.HTML)).as("%s", cloudist).isRegularFile();
        RunTimeline timeline = TimelineFiles.read(directory.resolve(TimelineFiles.JSON));
        List<RunTimeline.TestTime> tests = timeline.workers().stream()
                .flatMap(w -> w.tasks().stream())
                .flatMap(t -> t.tests().stream())
                .toList();
        List<ReportedTest> reported = cloudist.reportedTests();
        assertThat(tests).extracting(RunTimeline.TestTime::id).doesNotHaveDuplicates();
        // The reports drop a method's empty parentheses, as Surefire does; run.json keeps JUnit's legacy name.
        assertThat(tests)
                .extracting(t -> t.name().replaceFirst("\\(\\)$", ""))
                .containsExactlyInAnyOrderElementsOf(
                        reported.stream().map(ReportedTest::name).toList());
        assertThat(timeline.workers()).hasSize(2);
        assertThat(cloudist.lines())
                .anyMatch(line ->
                        line.startsWith("cloudist: run timeline: ") && line.contains("target/cloudist/report.html"));
    }

    @Test
    void theRunTimelineCutsEachWorkersTimeIntoPhasesFromItsStartToItsEnd() throws Exception {
        Path directory = cloudist.project().resolve("target/cloudist");
        RunTimeline timeline = TimelineFiles.read(directory.resolve(TimelineFiles.JSON));

        for (RunTimeline.Worker w : timeline.workers()) {
            List<RunTimeline.PhaseSpan> phases = w.phases();
            assertThat(phases.get(0).fromMillis()).as("%s", w.id()).isEqualTo(w.startedMillis());
            assertThat(phases.get(phases.size() - 1).toMillis())
                    .as("%s", w.id())
                    .isEqualTo(w.endMillis());
            for (int i = 1; i < phases.size(); i++) {
                assertThat(phases.get(i).fromMillis())
                        .as("%s: %s after %s", w.id(), phases.get(i), phases.get(i - 1))
                        .isEqualTo(phases.get(i - 1).toMillis());
            }
            // A local worker's process starts, its test JVM starts, then it runs tests: each reported as such.
            assertThat(phases)
                    .extracting(RunTimeline.PhaseSpan::phase)
                    .as("%s", w.id())
                    .startsWith(Phase.START)
                    .contains(Phase.JVM, Phase.RUNNING);
        }
        assertThat(timeline.phases().startupShare()).isStrictlyBetween(0.0, 1.0);
        assertThat(Files.readString(directory.resolve(TimelineFiles.HTML))).contains("id=\"startup-share\"");
    }
}
