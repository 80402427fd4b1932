package io.cloudist.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.model.Failure;
import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepSummaryTest {
    @TempDir
    Path temp;

    private static TestCase testCase(String className, String name, Status status, String message) {
        TestNode node = new TestNode(
                "[engine:e]/[class:" + className + "]/[method:" + name + "()]",
                "[engine:e]/[class:" + className + "]",
                name + "()",
                name + "()",
                TestNode.Kind.TEST,
                className,
                name,
                "");
        Failure failure = status == Status.PASSED ? null : new Failure("java.lang.AssertionError", message, "trace");
        return TestCase.of(
                new ReportName(className, className, name), new TestResult(node, status, 0, 0.1, failure, "", ""));
    }

    @Test
    void aFailedRunListsItsTotalsFailuresAndSlowestClasses() {
        List<ClassReport> reports = List.of(
                ClassReport.of(
                        "p.FastTest", "p.FastTest", List.of(testCase("p.FastTest", "passes", Status.PASSED, "")), 120),
                ClassReport.of(
                        "p.SlowTest",
                        "p.SlowTest",
                        List.of(
                                testCase(
                                        "p.SlowTest", "fails", Status.FAILED, "expected: <1> but was: <2>\nmore lines"),
                                testCase("p.SlowTest", "throws", Status.ERROR, "a | pipe and `ticks`")),
                        4_500));

        String markdown = StepSummary.markdown("app", reports, new Summary(3, 1, 1, 0, 0), Path.of("t/report.html"));

        assertThat(markdown)
                .startsWith("### cloudist: app failed\n")
                .contains("| 3 | 1 | 1 | 0 | 0 | 4.620 s |")
                .contains("- `p.SlowTest#fails`: `expected: <1> but was: <2>`\n")
                .contains("- `p.SlowTest#throws` (error): `a \\| pipe and 'ticks'`\n")
                .doesNotContain("more lines")
                .contains("Run timeline: `t/report.html`");
        assertThat(markdown.indexOf("`p.SlowTest` | 4.500 s"))
                .isPositive()
                .isLessThan(markdown.indexOf("`p.FastTest`"));
    }

    @Test
    void aPassingRunHasNoFailureListAndLongListsAreCut() {
        List<ClassReport> reports = IntStream.range(0, 8)
                .mapToObj(i -> ClassReport.of(
                        "p.T" + i, "p.T" + i, List.of(testCase("p.T" + i, "t", Status.PASSED, "")), i * 100L))
                .toList();

        String markdown = StepSummary.markdown("lib", reports, new Summary(8, 0, 0, 0, 0), null);

        assertThat(markdown)
                .startsWith("### cloudist: lib passed\n")
                .doesNotContain("Failed tests")
                .doesNotContain("Run timeline");
        assertThat(markdown.lines().filter(l -> l.startsWith("| `p.T"))).hasSize(StepSummary.SLOWEST);
    }

    @Test
    void stepsAppendTheirSummaries() throws Exception {
        Path file = temp.resolve("summary.md");
        Files.writeString(file, "earlier step\n");

        StepSummary.append(file, "### cloudist\n");

        assertThat(Files.readString(file)).isEqualTo("earlier step\n### cloudist\n");
    }
}
