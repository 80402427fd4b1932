package io.cloudist.its.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleOutputTest {
    private static final String LOG = """
            [INFO] Running com.example.FooTest
            [INFO] Running com.example.FooTest$Inner
            [INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.01 s -- in com.example.FooTest$Inner
            [ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.02 s <<< FAILURE! -- in com.example.FooTest
            [WARNING] Tests run: 2, Failures: 0, Errors: 0, Skipped: 1, Time elapsed: 0.1 s -- in Display <&> name
            [INFO]\s
            [INFO] Results:
            [INFO]\s
            [ERROR] Failures:\s
            [ERROR]   FooTest.fails:12 expected: <1> but was: <2>
            [INFO]\s
            [ERROR] Tests run: 5, Failures: 1, Errors: 0, Skipped: 1
            [INFO] BUILD FAILURE
            """;

    private final BuildResult build = new BuildResult(Path.of("project"), List.of("test"), 1, LOG);

    @Test
    void findsTopLevelClassLinesIncludingDisplayNamesButNotNestedClasses() {
        assertThat(ConsoleOutput.topLevelClassesWithResultLine(build))
                .containsExactly("Display <&> name", "com.example.FooTest");
    }

    @Test
    void findsTheTotalsOfTheResultsBlock() {
        assertThat(ConsoleOutput.resultsTotals(build)).isEqualTo("Tests run: 5, Failures: 1, Errors: 0, Skipped: 1");
    }

    @Test
    void hasNoTotalsWithoutAResultsBlock() {
        BuildResult noResults = new BuildResult(Path.of("project"), List.of("test"), 0, "[INFO] BUILD SUCCESS\n");

        assertThat(ConsoleOutput.resultsTotals(noResults)).isEmpty();
    }

    @Test
    void countsTotalsFromReportedTests() {
        List<ReportedTest> tests = List.of(
                new ReportedTest("A", "a", ReportedTest.Result.PASSED, "", ""),
                new ReportedTest("A", "b", ReportedTest.Result.FAILED, "no", ""),
                new ReportedTest("A", "c", ReportedTest.Result.ERROR, "boom", ""),
                new ReportedTest("B", "d", ReportedTest.Result.SKIPPED, "", ""));

        assertThat(ConsoleOutput.totalsOf(tests)).isEqualTo("Tests run: 4, Failures: 1, Errors: 1, Skipped: 1");
    }

    @Test
    void buildFailureNeedsANonZeroExitAndMavensBanner() {
        assertThat(build.failed()).isTrue();
        assertThat(build.succeeded()).isFalse();
    }
}
