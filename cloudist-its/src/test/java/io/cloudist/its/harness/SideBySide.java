package io.cloudist.its.harness;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One fixture built twice, each in its own copy: by Surefire ({@code mvn test}) and by cloudist.
 *
 * @param surefire the baseline
 * @param cloudist the build under test
 */
public record SideBySide(BuildResult surefire, BuildResult cloudist) {
    /** Builds a fresh copy of {@code fixture} with Surefire, and another with cloudist and {@code cloudistArguments}. */
    public static SideBySide build(FixtureBuilds builds, String fixture, String... cloudistArguments) {
        return new SideBySide(
                builds.surefire(builds.copy(fixture, "surefire")),
                builds.cloudist(builds.copy(fixture, "cloudist"), cloudistArguments));
    }

    /**
     * Asserts that cloudist reported what Surefire reported: the same tests with the same outcomes (by class, name and
     * outcome), the same report files, the same {@code Results:} totals and the same console lines for each class.
     */
    public void assertCloudistReportsAndPrintsWhatSurefireDoes() {
        assertThat(ReportedOutcomes.keys(cloudist.reportedTests()))
                .as("%s", cloudist)
                .containsExactlyElementsOf(ReportedOutcomes.keys(surefire.reportedTests()));
        assertThat(ReportedOutcomes.reportedClasses(cloudist.reportsDirectory()))
                .isEqualTo(ReportedOutcomes.reportedClasses(surefire.reportsDirectory()));
        assertThat(ConsoleOutput.resultsTotals(cloudist)).isEqualTo(ConsoleOutput.resultsTotals(surefire));
        assertThat(ConsoleOutput.classBlocks(cloudist)).isEqualTo(ConsoleOutput.classBlocks(surefire));
    }
}
