package io.cloudist.core.report;

import io.cloudist.core.model.ConsoleEntry;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Replays one class's part of a task as Surefire's console showed it. Surefire keeps one count per test JVM: a test
 * that finishes adds to it, and a class that completes prints it and starts it again; so a {@code @Nested} class's
 * line counts the tests that finished since the previous line, its outer class's often none. A test set is a class
 * container with the JUnit Platform provider, only the class the provider ran with the JUnit 4 and 3 providers.
 */
final class ConsoleReplay {
    private final ClassReport report;
    private final ReportStyle style;
    private final Map<String, TestCase> caseById = new LinkedHashMap<>();
    private final Set<String> counted = new HashSet<>();
    private final Set<String> closed = new HashSet<>();
    private final Deque<TestNode> open = new ArrayDeque<>();
    private final List<TestCase> sinceLastSet = new ArrayList<>();
    private final List<ConsoleLine> lines = new ArrayList<>();
    private final Set<String> rerunning = new HashSet<>();

    private ConsoleReplay(ClassReport report, ReportStyle style) {
        this.report = report;
        this.style = style;
        report.testCases().forEach(c -> caseById.putIfAbsent(c.firstRun().uniqueId(), c));
    }

    static List<ConsoleLine> lines(
            ClassReport report,
            List<TestResult> results,
            List<ConsoleEntry> console,
            Predicate<String> ofClass,
            ReportStyle style) {
        ConsoleReplay replay = new ConsoleReplay(report, style);
        Map<String, TestNode> containers = new LinkedHashMap<>();
        results.stream()
                .filter(r -> ofClass.test(r.uniqueId()))
                .forEach(r -> containers.putIfAbsent(r.uniqueId(), r.node()));
        int entry = 0;
        for (int i = 0; i <= results.size(); i++) {
            for (; entry < console.size() && console.get(entry).at() <= i; entry++) {
                replay.entry(console.get(entry), containers, ofClass);
            }
            if (i < results.size() && ofClass.test(results.get(i).uniqueId())) {
                replay.finished(results.get(i));
            }
        }
        return replay.end();
    }

    private void entry(ConsoleEntry entry, Map<String, TestNode> containers, Predicate<String> ofClass) {
        switch (entry.kind()) {
            case START -> {
                TestNode node = containers.get(entry.uniqueId());
                if (node != null) {
                    started(node);
                }
            }
            case OUT, ERR -> {
                boolean ours = entry.uniqueId().isEmpty() ? !open.isEmpty() : ofClass.test(entry.uniqueId());
                if (ours && !entry.text().isEmpty()) {
                    lines.add(ConsoleLine.printed(entry.kind() == ConsoleEntry.Kind.ERR, entry.text()));
                }
            }
        }
    }

    /**
     * A class starts a test set, unless it ran before (a rerun of its failed tests: Surefire's count already holds
     * them) or the provider's test set is a class that is already running (JUnit 4 suites and their classes).
     */
    private void started(TestNode node) {
        if (closed.contains(node.uniqueId())) {
            rerunning.add(node.uniqueId());
        } else if (open.stream().anyMatch(o -> o.uniqueId().equals(node.uniqueId()))) {
            return; // a new test JVM goes on with a class whose JVM died
        } else if (open.isEmpty() || !style.provider().namesByDescription()) {
            open.push(node);
            lines.add(ConsoleLine.info("Running " + label(node)));
        }
    }

    private void finished(TestResult result) {
        String id = result.uniqueId();
        if (!open.isEmpty() && open.peek().uniqueId().equals(id)) {
            complete(result);
        } else if (!rerunning.remove(id)) {
            count(id);
        }
    }

    private void complete(TestResult containerResult) {
        TestNode container = open.pop();
        count(container.uniqueId());
        String prefix = container.uniqueId() + "/";
        caseById.keySet().stream().filter(id -> id.startsWith(prefix)).toList().forEach(this::count);
        long millis = Math.round(containerResult.seconds() * 1000);
        ClassReport set = ClassReport.of(report.className(), label(container), List.copyOf(sinceLastSet), millis);
        lines.addAll(ConsoleReport.completed(set));
        sinceLastSet.clear();
        closed.add(container.uniqueId());
    }

    private void count(String uniqueId) {
        TestCase testCase = caseById.get(uniqueId);
        if (testCase != null && counted.add(uniqueId)) {
            sinceLastSet.add(testCase);
        }
    }

    /**
     * The lines, or none when no class started, or a class that started never completed (its JVM died for good): then
     * the report's summary stands in.
     */
    private List<ConsoleLine> end() {
        return closed.isEmpty() || !open.isEmpty() ? List.of() : List.copyOf(lines);
    }

    private static String label(TestNode classNode) {
        return ReportNaming.classLabel(classNode);
    }
}
