package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.cloudist.its.harness.FixtureBuilds;
import io.cloudist.its.harness.ReactorBuild;
import io.cloudist.its.harness.ReactorBuilds;
import io.cloudist.its.harness.ReactorSummary;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code mvn cloudist:test} at the root of a reactor (docs/design/0009-reactor-run.md): each module gets the reports
 * Surefire gives it, the build fails as {@code mvn -fae test} does, naming the module with failures; {@code -pl},
 * {@code -am}, {@code -rf}, {@code -T} and {@code -Dtest} build, skip and report the modules they do for Surefire; and
 * the tests of every module are one run, while {@code -Dcloudist.reactor=false} runs each module on its own. The
 * builds share one copy of the fixture, so that it compiles once; each build clears the reports of the one before.
 * Tests marked [0009] need the reactor run and fail while main runs module after module.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReactorIT {
    private static final String FIXTURE = "reactor";
    private static final String TEST_FAILURES = "There are test failures";
    private static final String WORKERS = "-Dcloudist.workers=2";

    private final FixtureBuilds fixtures = FixtureBuilds.fromSystemProperties();
    private final ReactorBuilds builds = new ReactorBuilds(fixtures);
    private final Map<String, ReactorBuild> later = new HashMap<>();
    private Path project;
    private ReactorBuild surefire;
    private ReactorBuild cloudist;

    @BeforeAll
    void buildTheReactorWithSurefireAndCloudist() {
        project = fixtures.copy(FIXTURE, "shared");
        surefire = builds.surefire(project, "-fae");
        cloudist = builds.cloudist(project, "-fae", WORKERS);
    }

    @Test
    void surefireBaselineReportsFourModulesAndFailsInBroken() {
        assertThat(surefire.result().failed()).as("%s", surefire).isTrue();
        assertThat(surefire.modulesWithReports()).containsExactly("app", "broken", "core", "legacy");
        assertThat(surefire.outcomes())
                .containsOnlyKeys("app", "broken", "core", "docs", "legacy", "skipped")
                .hasEntrySatisfying(
                        "app",
                        keys -> assertThat(keys)
                                .hasSize(7)
                                .contains(
                                        "io.cloudist.fixtures.reactor.app.SlowCheckoutTest#checksOutAfterAPause PASSED"))
                .hasEntrySatisfying(
                        "legacy",
                        keys -> assertThat(keys)
                                .contains(
                                        "io.cloudist.fixtures.reactor.legacy.RatesTest#isIgnored SKIPPED",
                                        "io.cloudist.fixtures.reactor.legacy.RatesTest#readsItsDataRelativeToTheModule PASSED"))
                .hasEntrySatisfying(
                        "broken",
                        keys -> assertThat(keys)
                                .contains(
                                        "io.cloudist.fixtures.reactor.broken.BrokenTest#failsAnAssertion FAILED",
                                        "io.cloudist.fixtures.reactor.broken.BrokenTest#throwsAnError ERROR",
                                        "io.cloudist.fixtures.reactor.ModuleDirectoryTest#runsInTheBrokenDirectory PASSED"));
        assertThat(ReactorSummary.failedModules(surefire.result())).containsExactly("broken");
    }

    @Test
    void cloudistReportsEveryModulesTestsWithSurefiresOutcomes() {
        assertThat(cloudist.reportedOutcomes()).as("%s", cloudist).isEqualTo(surefire.reportedOutcomes());
    }

    @Test
    void modulesWithNothingToRunHaveNoReports() {
        assertThat(surefire.outcomes().get("docs")).isEmpty();
        assertThat(surefire.outcomes().get("skipped")).isEmpty();
        assertThat(cloudist.outcomes().get("docs")).as("%s", cloudist).isEmpty();
        assertThat(cloudist.outcomes().get("skipped")).as("%s", cloudist).isEmpty();
    }

    @Test
    void cloudistFailsTheBuildNamingTheModuleWithFailuresAsSurefireDoes() {
        assertThat(cloudist.result().failed()).as("%s", cloudist).isTrue();
        assertThat(ReactorSummary.failedModules(cloudist.result()))
                .as("%s", cloudist)
                .isEqualTo(ReactorSummary.failedModules(surefire.result()))
                .containsExactly("broken");
        assertThat(ReactorSummary.failedGoals(cloudist.result(), TEST_FAILURES))
                .as("%s", cloudist)
                .containsOnlyKeys("broken")
                .allSatisfy((module, goal) -> assertThat(goal).contains(pluginOfTheCloudistGoal()));
    }

    /** [0009] Today each module with tests is a run of its own, with its timeline in its own target/cloudist. */
    @Test
    void theTestsOfEveryModuleAreOneRunWithItsTimelineAtTheReactorRoot() {
        assumeFalse(fixtures.environment().cloudistIsSurefire(), "Surefire has no run timeline");

        assertThat(cloudist.timelineLines()).as("%s", cloudist).isEqualTo(1);
        assertThat(cloudist.distinctRunIds())
                .as("run ids by directory: %s", cloudist.runIds())
                .hasSize(1);
        assertThat(cloudist.runIds()).as("run ids by directory").containsOnlyKeys("");
    }

    @Test
    void alsoMakeBuildsAndReportsTheModulesSurefireDoes() {
        ReactorBuild surefireAlsoMake =
                once("surefire -pl app -am", () -> builds.surefire(project, "-pl", "app", "-am"));
        ReactorBuild alsoMake = once("-pl app -am", () -> builds.cloudist(project, "-pl", "app", "-am", WORKERS));

        assertThat(surefireAlsoMake.modulesWithReports()).containsExactly("app", "core");
        assertThat(alsoMake.result().succeeded()).as("%s", alsoMake).isTrue();
        assertThat(alsoMake.reportedOutcomes()).as("%s", alsoMake).isEqualTo(surefireAlsoMake.reportedOutcomes());
    }

    @Test
    void resumeFromBuildsAndReportsTheModulesSurefireDoes() {
        ReactorBuild surefireResumed =
                once("surefire -rf :legacy", () -> builds.surefire(project, "-fae", "-rf", ":legacy"));
        ReactorBuild resumed = once("-rf :legacy", () -> builds.cloudist(project, "-fae", "-rf", ":legacy", WORKERS));

        assertThat(surefireResumed.modulesWithReports()).containsExactly("broken", "legacy");
        assertThat(resumed.reportedOutcomes()).as("%s", resumed).isEqualTo(surefireResumed.reportedOutcomes());
        assertThat(ReactorSummary.failedModules(resumed.result()))
                .as("%s", resumed)
                .isEqualTo(ReactorSummary.failedModules(surefireResumed.result()));
    }

    /**
     * The filter matches nothing in core and broken, which fail as Surefire's do. Under Surefire {@code -fae} app,
     * which depends on core, is then skipped; in cloudist's one run app's tests ran beside core's, so app keeps its
     * outcome ([0009]: a module downstream of a failed one is not skipped). Legacy runs one test under both.
     */
    @Test
    void aTestFilterFailsTheModulesSurefireDoesAndReportsTheTestsItSelected() {
        String filter = "-Dtest=BasketTest,RatesTest#roundsHalfUp";
        ReactorBuild surefireFiltered = builds.surefire(project, "-fae", filter);
        ReactorBuild filtered = builds.cloudist(project, "-fae", filter, WORKERS);

        Map<String, String> surefireStatuses = ReactorSummary.statuses(surefireFiltered.result());
        assertThat(surefireStatuses)
                .containsEntry("core", "FAILURE")
                .containsEntry("app", "SKIPPED")
                .containsEntry("legacy", "SUCCESS");
        Map<String, String> expected = new TreeMap<>(surefireStatuses);
        expected.put("app", "SUCCESS");
        assertThat(ReactorSummary.statuses(filtered.result()))
                .as("%s", filtered)
                .isEqualTo(expected);
        assertThat(ReactorSummary.failedGoals(filtered.result(), "No tests matching pattern"))
                .as("%s", filtered)
                .containsOnlyKeys("broken", "core");
        assertThat(filtered.reportedOutcomes())
                .as("%s", filtered)
                .containsOnlyKeys("app", "legacy")
                .containsEntry("legacy", surefireFiltered.reportedOutcomes().get("legacy"));
        assertThat(filtered.reportedOutcomes().get("app"))
                .as("only the selected class of app ran, and passed")
                .containsExactlyInAnyOrder(
                        "io.cloudist.fixtures.reactor.app.BasketTest#addsUpQuantities PASSED",
                        "io.cloudist.fixtures.reactor.app.BasketTest#anEmptyBasketCostsNothing PASSED");
    }

    @Test
    void aParallelBuildReportsWhatASerialOneDoes() {
        ReactorBuild parallel = parallel();

        assertThat(parallel.result().failed()).as("%s", parallel).isTrue();
        assertThat(parallel.reportedOutcomes()).as("%s", parallel).isEqualTo(cloudist.reportedOutcomes());
        assertThat(ReactorSummary.failedModules(parallel.result()))
                .as("%s", parallel)
                .containsExactly("broken");
    }

    /** [0009] Today each module with tests is a run of its own, under -T 2 two at a time. */
    @Test
    void aParallelBuildIsOneRunToo() {
        assumeFalse(fixtures.environment().cloudistIsSurefire(), "Surefire has no run timeline");
        ReactorBuild parallel = parallel();

        assertThat(parallel.timelineLines()).as("%s", parallel).isEqualTo(1);
        assertThat(parallel.distinctRunIds())
                .as("run ids by directory: %s", parallel.runIds())
                .hasSize(1);
    }

    @Test
    void reactorFalseRunsEachModuleWithTestsOnItsOwnWithTheSameOutcomes() {
        assumeFalse(fixtures.environment().cloudistIsSurefire(), "Surefire has no run timeline");
        ReactorBuild moduleByModule = builds.cloudist(project, "-fae", WORKERS, "-Dcloudist.reactor=false");

        assertThat(moduleByModule.reportedOutcomes()).as("%s", moduleByModule).isEqualTo(surefire.reportedOutcomes());
        assertThat(moduleByModule.runIds())
                .as("run ids by directory")
                .containsOnlyKeys("app", "broken", "core", "legacy");
        assertThat(moduleByModule.distinctRunIds()).hasSize(4);
        assertThat(moduleByModule.timelineLines()).as("%s", moduleByModule).isEqualTo(4);
        assertThat(ReactorSummary.failedModules(moduleByModule.result()))
                .as("%s", moduleByModule)
                .containsExactly("broken");
    }

    private ReactorBuild parallel() {
        return once("-T 2", () -> builds.cloudist(project, "-fae", "-T", "2", WORKERS));
    }

    /** A build that more than one test looks at, run by the first of them. */
    private ReactorBuild once(String name, Supplier<ReactorBuild> build) {
        return later.computeIfAbsent(name, key -> build.get());
    }

    /** What the failed goal names: cloudist's plugin, or Surefire's when the harness checks itself. */
    private String pluginOfTheCloudistGoal() {
        return fixtures.environment().cloudistIsSurefire() ? "maven-surefire-plugin" : "cloudist-maven-plugin";
    }
}
