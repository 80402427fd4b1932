package io.cloudist.core.report;

import io.cloudist.core.model.Failure;
import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns node outcomes into Surefire's test cases, per report class.
 *
 * <p>Like Surefire: every test is a test case; a container whose own execution failed (a failing {@code @BeforeAll}
 * or {@code @AfterAll}, a throwing {@code @TestFactory}) is one more test case; a skipped class stands for one skipped
 * test case per child; another skipped container is one skipped test case. Tests that only repeat their failed class's
 * error are left out, since JUnit never ran them and Surefire reports the class's error alone. Several results for
 * one node are reruns of it.
 */
final class Grouping {
    private final Map<String, TestNode> nodes;
    private final ReportStyle style;
    private final Map<String, List<TestResult>> runsById = new LinkedHashMap<>();

    private Grouping(Collection<TestResult> results, Map<String, TestNode> nodesById, ReportStyle style) {
        this.style = style;
        nodes = new LinkedHashMap<>(nodesById);
        for (TestResult result : results) {
            nodes.putIfAbsent(result.uniqueId(), result.node());
            runsById.computeIfAbsent(result.uniqueId(), id -> new ArrayList<>()).add(result);
        }
    }

    static List<ClassReport> group(Collection<TestResult> results, Map<String, TestNode> nodesById, ReportStyle style) {
        return new Grouping(results, nodesById, style).reports();
    }

    private List<ClassReport> reports() {
        Map<String, List<TestCase>> casesBySuite = new LinkedHashMap<>();
        for (List<TestResult> runs : runsById.values()) {
            for (TestCase testCase : testCases(style.trimStackTrace() ? trimmed(runs) : runs)) {
                casesBySuite
                        .computeIfAbsent(testCase.name().suite(), s -> new ArrayList<>())
                        .add(testCase);
            }
        }
        List<ClassReport> reports = new ArrayList<>();
        casesBySuite.forEach((suite, cases) ->
                reports.add(ClassReport.of(suite, label(suite, cases), cases, elapsedMillis(suite, cases))));
        reports.sort(Comparator.comparing(ClassReport::className));
        return reports;
    }

    private List<TestCase> testCases(List<TestResult> runs) {
        TestNode node = runs.get(0).node();
        if (node.kind().isTest()) {
            return repeatsContainerFailure(runs) ? List.of() : List.of(new TestCase(name(node), runs));
        }
        if (runs.stream().anyMatch(r -> r.status() == Status.FAILED || r.status() == Status.ERROR)) {
            return List.of(new TestCase(name(node), runs));
        }
        TestResult last = runs.get(runs.size() - 1);
        if (last.status() != Status.SKIPPED) {
            return List.of();
        }
        if (!ReportNaming.isClass(node)) {
            return List.of(TestCase.of(name(node), last));
        }
        List<TestCase> skippedChildren = new ArrayList<>();
        for (TestNode child : nodes.values()) {
            if (child.parentId().equals(node.uniqueId()) && !runsById.containsKey(child.uniqueId())) {
                TestResult skip = new TestResult(child, Status.SKIPPED, 0, 0, last.failure(), "", "");
                skippedChildren.add(TestCase.of(name(child), skip));
            }
        }
        return skippedChildren;
    }

    /** The runs with their stack traces cut to the frames of the test's class ({@code trimStackTrace}). */
    private static List<TestResult> trimmed(List<TestResult> runs) {
        List<TestResult> trimmed = new ArrayList<>(runs.size());
        for (TestResult run : runs) {
            Failure failure = run.failure();
            if (failure == null
                    || failure.stackTrace().isEmpty()
                    || run.node().className().isEmpty()) {
                trimmed.add(run);
                continue;
            }
            Failure cut = new Failure(
                    failure.type(),
                    failure.message(),
                    TrimmedTrace.of(failure.stackTrace(), run.node().className()));
            trimmed.add(new TestResult(
                    run.node(),
                    run.status(),
                    run.startMillis(),
                    run.seconds(),
                    cut,
                    run.stdout(),
                    run.stderr(),
                    run.cpuSeconds()));
        }
        return trimmed;
    }

    /** A test that errored with exactly its failed ancestor's error was never run (e.g. after a failed @BeforeAll). */
    private boolean repeatsContainerFailure(List<TestResult> runs) {
        if (runs.stream().anyMatch(r -> r.status() != Status.ERROR)) {
            return false;
        }
        TestResult run = runs.get(0);
        for (Optional<TestNode> p = parent(run.node()); p.isPresent(); p = parent(p.get())) {
            List<TestResult> ancestorRuns = runsById.getOrDefault(p.get().uniqueId(), List.of());
            for (TestResult ancestorRun : ancestorRuns) {
                boolean failed = ancestorRun.status() == Status.FAILED || ancestorRun.status() == Status.ERROR;
                if (failed && sameProblem(ancestorRun, run)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sameProblem(TestResult a, TestResult b) {
        return Objects.equals(a.failure().type(), b.failure().type())
                && Objects.equals(a.failure().message(), b.failure().message());
    }

    private String label(String suite, List<TestCase> cases) {
        return classNode(suite, cases).map(ReportNaming::classLabel).orElse(suite);
    }

    /** The class container's own time when it was reported, else the span of its test cases. */
    private long elapsedMillis(String suite, List<TestCase> cases) {
        Optional<List<TestResult>> classRuns =
                classNode(suite, cases).map(n -> runsById.getOrDefault(n.uniqueId(), List.of()));
        if (classRuns.isPresent() && !classRuns.get().isEmpty()) {
            return TestCase.millis(classRuns.get().get(0));
        }
        long start = Long.MAX_VALUE;
        long end = 0;
        long sum = 0;
        for (TestCase testCase : cases) {
            for (TestResult run : testCase.runs()) {
                long millis = Math.round(run.seconds() * 1000);
                sum += millis;
                if (run.startMillis() > 0) {
                    start = Math.min(start, run.startMillis());
                    end = Math.max(end, run.startMillis() + millis);
                }
            }
        }
        return start == Long.MAX_VALUE ? sum : end - start;
    }

    /** The top-level class container of a suite, found from any of its test cases. */
    private Optional<TestNode> classNode(String suite, List<TestCase> cases) {
        TestNode node = cases.get(0).firstRun().node();
        for (Optional<TestNode> n = Optional.of(node); n.isPresent(); n = parent(n.get())) {
            TestNode candidate = n.get();
            boolean topLevel = parent(candidate).map(TestNode::isRoot).orElse(false);
            if (topLevel
                    && ReportNaming.isClass(candidate)
                    && candidate.className().equals(suite)) {
                return n;
            }
        }
        return Optional.empty();
    }

    private ReportName name(TestNode node) {
        return ReportNaming.of(node, nodes, style.provider());
    }

    private Optional<TestNode> parent(TestNode node) {
        return node.isRoot() ? Optional.empty() : Optional.ofNullable(nodes.get(node.parentId()));
    }
}
