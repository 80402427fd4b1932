package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.ConsoleOutput;
import io.cloudist.its.harness.FixtureBuilds;
import io.cloudist.its.harness.Maven;
import io.cloudist.its.harness.ReportedOutcomes;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two real {@code cloudist:test} runs of one module started two seconds apart (two terminals on one working copy,
 * parallel CI jobs in one workspace): the second says at once that it waits for the first, and both end with every
 * test accounted for exactly once. Two modules that share a store directory run at the same time, each on its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentRunsIT {
    private static final String FIXTURE = "passing";
    private static final String WAITING = "cloudist: another cloudist run of this module is in progress (pid ";

    private final FixtureBuilds builds = FixtureBuilds.fromSystemProperties();
    private BuildResult surefire;
    private BuildResult first;
    private BuildResult second;
    private BuildResult sharingA;
    private BuildResult sharingB;

    @BeforeAll
    void runConcurrently() throws Exception {
        assumeFalse(builds.environment().cloudistIsSurefire(), "concurrent runs of cloudist itself");
        surefire = builds.surefire(builds.copy(FIXTURE, "concurrent-surefire"));

        // Both runs find the module compiled, as two terminals on one built working copy do: Maven's own phases
        // before cloudist:test are not cloudist's to coordinate.
        Path module = builds.copy(FIXTURE, "concurrent");
        BuildResult compiled = builds.maven(module, Map.of(), "test-compile");
        assertThat(compiled.succeeded()).as("%s", compiled).isTrue();
        Maven.RunningBuild one = builds.startCloudist(module, Map.of(), "-Dcloudist.workers=2", "-Dgreeter.pause=3000");
        Thread.sleep(2_000);
        Maven.RunningBuild two = builds.startCloudist(module, Map.of(), "-Dcloudist.workers=2", "-Dgreeter.pause=3000");
        first = one.await();
        second = two.await();

        Path store = builds.environment().work().resolve("concurrent-shared-store");
        Path a = builds.copy(FIXTURE, "concurrent-store-a");
        Path b = builds.copy(FIXTURE, "concurrent-store-b");
        Maven.RunningBuild onA = builds.startCloudist(a, Map.of(), "-Dcloudist.store=" + store, "-Dgreeter.pause=2000");
        Maven.RunningBuild onB = builds.startCloudist(b, Map.of(), "-Dcloudist.store=" + store, "-Dgreeter.pause=2000");
        sharingA = onA.await();
        sharingB = onB.await();
    }

    @Test
    void theSecondRunSaysAtOnceThatItWaitsForTheFirst() {
        assertThat(first.log()).doesNotContain(WAITING);
        assertThat(second.log()).contains(WAITING);
        assertThat(second.log().indexOf(WAITING))
                .as("the wait is said before the second run's tests")
                .isLessThan(second.log().indexOf(" T E S T S"));
    }

    @Test
    void bothRunsOfOneModuleAccountForEveryTestExactlyOnce() {
        for (BuildResult run : new BuildResult[] {first, second}) {
            assertThat(run.succeeded()).as("%s", run).isTrue();
            assertThat(ConsoleOutput.classBlocks(run)).as("%s", run).isEqualTo(ConsoleOutput.classBlocks(surefire));
            assertThat(ConsoleOutput.resultsTotals(run)).isEqualTo(ConsoleOutput.resultsTotals(surefire));
        }
        assertThat(ReportedOutcomes.keys(second.reportedTests()))
                .containsExactlyElementsOf(ReportedOutcomes.keys(surefire.reportedTests()));
    }

    @Test
    void twoModulesSharingAStoreDirectoryRunAtTheSameTime() {
        for (BuildResult run : new BuildResult[] {sharingA, sharingB}) {
            assertThat(run.succeeded()).as("%s", run).isTrue();
            assertThat(run.log()).doesNotContain(WAITING);
            assertThat(ReportedOutcomes.keys(run.reportedTests()))
                    .containsExactlyElementsOf(ReportedOutcomes.keys(surefire.reportedTests()));
        }
    }
}
