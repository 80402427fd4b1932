package io.cloudist.core.run;

import io.cloudist.core.RunListener;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestResult;
import io.cloudist.core.plan.TimingHistory;
import io.cloudist.core.plan.Unit;
import io.cloudist.core.plan.Units;
import io.cloudist.core.report.ClassReport;
import io.cloudist.core.report.ConsoleLine;
import io.cloudist.core.report.Summary;
import io.cloudist.core.select.SelectionPlan;
import io.cloudist.core.ship.Shipment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One module's part of a run, step by step: its selection, its shipment, its test plan and timing history, then its
 * results, reports and console section.
 */
final class ModuleRun {
    final RunRequest request;
    final SelectionPlan selection;
    /** Where the module's console lines go: the run's console, or the module's section of a reactor's. */
    final RunListener out;

    private final List<ConsoleLine> section;
    Shipment shipment;
    SharedTimings timings;
    TimingHistory history = TimingHistory.empty();
    Map<String, TestNode> byId = Map.of();
    List<TestNode> methodLevel = List.of();
    List<Unit> units = List.of();
    /** Why the module fails whatever its tests do (Surefire's "No tests to run!"); empty when nothing does. */
    String failure = "";

    RunOutcome outcome;
    List<ClassReport> classReports = List.of();
    List<TestResult> results = List.of();
    double testSeconds;

    /** @param buffered whether its lines wait in a section of their own, for a reactor's console in module order */
    ModuleRun(RunRequest request, RunListener console, boolean buffered) {
        this.request = request;
        this.selection = SelectionPlan.resolve(request.selection());
        this.section = buffered ? new ArrayList<>() : null;
        this.out = buffered
                ? new RunListener() {
                    @Override
                    public void line(ConsoleLine line) {
                        section.add(line);
                    }
                }
                : console;
    }

    String key() {
        return request.module().projectKey();
    }

    /** The module's artifactId, as Maven's reactor summary names it. */
    String name() {
        String key = key();
        return key.substring(key.lastIndexOf(':') + 1);
    }

    boolean hasClasses() {
        return !selection.classNames().isEmpty();
    }

    /** The discovered test plan, cut into units of the module's granularity. */
    void discovered(List<TestNode> nodes) {
        byId = Units.byId(nodes);
        methodLevel = Units.methodLevel(nodes).stream()
                .filter(n -> !n.hasMethod() || selection.methodFilter().accepts(n.className(), n.methodName()))
                .toList();
        units = Units.of(key(), nodes, methodLevel, request.scheduling().granularity());
    }

    boolean done() {
        return outcome != null;
    }

    /** The module ends without running a test. */
    void endEmpty() {
        outcome = new RunOutcome(Summary.EMPTY, request.module().reportsDirectory());
    }

    /** The lines of its section, once; none when its lines went straight to the console. */
    List<ConsoleLine> takeSection() {
        if (section == null) {
            return List.of();
        }
        List<ConsoleLine> lines = List.copyOf(section);
        section.clear();
        return lines;
    }
}
