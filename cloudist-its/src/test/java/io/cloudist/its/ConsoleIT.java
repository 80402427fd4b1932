package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.ConsoleOutput;
import io.cloudist.its.harness.FixtureBuilds;
import io.cloudist.its.harness.ReportedOutcomes;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Surefire's console, line for line within each class: what tests print, where they print it; a line for each
 * {@code @Nested} class counted as Surefire counts; failures under the line that counted them; and with
 * {@code redirectTestOutputToFile}, the output in {@code <class>-output.txt} instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleIT {
    private static final String FIXTURE = "console";
    private static final String PACKAGE = "io.cloudist.fixtures.console.";
    private static final String REDIRECT = "-Dmaven.test.redirectTestOutputToFile=true";

    private final FixtureBuilds builds = FixtureBuilds.fromSystemProperties();
    private BuildResult surefire;
    private BuildResult cloudist;
    private BuildResult surefireRedirected;
    private BuildResult cloudistRedirected;

    @BeforeAll
    void buildWithSurefireAndCloudist() {
        surefire = builds.surefire(builds.copy(FIXTURE, "surefire"));
        cloudist = builds.cloudist(builds.copy(FIXTURE, "cloudist"), "-Dcloudist.workers=2");
        surefireRedirected = builds.surefire(builds.copy(FIXTURE, "surefire-redirected"), REDIRECT);
        cloudistRedirected =
                builds.cloudist(builds.copy(FIXTURE, "cloudist-redirected"), "-Dcloudist.workers=2", REDIRECT);
    }

    @Test
    void surefireBaselineEchoesOutputAndPrintsALinePerNestedClass() {
        assertThat(surefire.failed()).as("%s", surefire).isTrue();
        List<String> nested = ConsoleOutput.classBlocks(surefire).get(PACKAGE + "NestedPrintingTest");
        assertThat(nested)
                .as("%s", surefire)
                .contains(
                        "NestedPrintingTest: in deeper",
                        "[INFO] Tests run: 0, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: * -- in " + PACKAGE
                                + "NestedPrintingTest$First",
                        "[ERROR] " + PACKAGE + "NestedPrintingTest.failsInDeeper -- Time elapsed: * <<< FAILURE!");
    }

    @Test
    void cloudistsOwnLinesAreFewAndPrefixed() {
        List<String> own = ConsoleOutput.linesSurefireDoesNotPrint(cloudist, surefire);

        assertThat(own).as("%s", cloudist).allMatch(line -> line.startsWith("cloudist: "));
        assertThat(own).as("%s", cloudist).hasSizeBetween(1, 10);
    }

    @Test
    void cloudistPrintsEachClassAsSurefireDoesLineForLine() {
        Map<String, List<String>> expected = ConsoleOutput.classBlocks(surefire);

        assertThat(ConsoleOutput.classBlocks(cloudist)).as("%s", cloudist).isEqualTo(expected);
        assertThat(ReportedOutcomes.keys(cloudist.reportedTests()))
                .containsExactlyElementsOf(ReportedOutcomes.keys(surefire.reportedTests()));
        assertThat(ConsoleOutput.resultsTotals(cloudist)).isEqualTo(ConsoleOutput.resultsTotals(surefire));
    }

    @Test
    void withRedirectTestOutputToFileTheOutputGoesToAFilePerClassAndNotToTheConsole() throws IOException {
        Map<String, List<String>> expected = ConsoleOutput.classBlocks(surefireRedirected);
        assertThat(expected.get(PACKAGE + "PrintingTest")).noneMatch(line -> line.startsWith("PrintingTest: "));

        assertThat(ConsoleOutput.classBlocks(cloudistRedirected))
                .as("%s", cloudistRedirected)
                .isEqualTo(expected);
        assertThat(ConsoleOutput.outputFiles(cloudistRedirected))
                .isEqualTo(ConsoleOutput.outputFiles(surefireRedirected));
        assertThat(cloudistRedirected.reportsDirectory().resolve(PACKAGE + "PrintingTest-output.txt"))
                .hasSameTextualContentAs(
                        surefireRedirected.reportsDirectory().resolve(PACKAGE + "PrintingTest-output.txt"));
    }
}
