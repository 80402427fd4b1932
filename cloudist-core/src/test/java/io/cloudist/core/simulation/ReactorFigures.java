package io.cloudist.core.simulation;

import io.cloudist.core.coordinate.Coordinator;
import io.cloudist.core.model.TestResult;
import io.cloudist.core.plan.Task;
import io.cloudist.core.plan.Unit;
import io.cloudist.core.protocol.TaskResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a run of several modules adds to a report: the modules' sizes, whether every task kept to one module and every
 * unit was reported once, and the JVM starts.
 *
 * @param modules modules in the suite
 * @param largestModuleShare the largest module's share of the suite's test time
 * @param medianModuleShare the median module's share
 * @param tasksOfOneModule tasks whose units are all of one module
 * @param units units (classes) in the suite
 * @param unitsReportedOnce units each of whose tests has exactly one result in the coordinator's outcome
 * @param testResults test results in the coordinator's outcome
 * @param reportedJvmStarts the test JVMs started, as the task results the coordinator kept count them
 * @param planInOrder the plan with free coordination and no choice of worker by module, paying for JVM starts (see
 *     {@link PlanSchedule})
 */
record ReactorFigures(
        int modules,
        double largestModuleShare,
        double medianModuleShare,
        long tasksOfOneModule,
        int units,
        long unitsReportedOnce,
        long testResults,
        long reportedJvmStarts,
        PlanSchedule.Result planInOrder) {

    static ReactorFigures of(
            SimulatedSuite suite, List<Task> tasks, Coordinator.Outcome outcome, PlanSchedule.Result planInOrder) {
        List<Double> shares = suite.moduleSeconds().values().stream()
                .map(s -> s / suite.totalSeconds())
                .sorted()
                .toList();
        Map<String, Long> resultsPerTest = outcome.results().values().stream()
                .flatMap(r -> r.results().stream())
                .collect(Collectors.groupingBy(TestResult::uniqueId, Collectors.counting()));
        return new ReactorFigures(
                shares.size(),
                shares.get(shares.size() - 1),
                shares.get(shares.size() / 2),
                tasks.stream()
                        .filter(t ->
                                t.units().stream().map(Unit::module).distinct().count() == 1)
                        .count(),
                suite.classes().size(),
                suite.classes().stream()
                        .filter(u -> u.uniqueIds().stream().allMatch(id -> resultsPerTest.getOrDefault(id, 0L) == 1))
                        .count(),
                resultsPerTest.values().stream().mapToLong(Long::longValue).sum(),
                outcome.results().values().stream()
                        .mapToLong(TaskResult::jvmStarts)
                        .sum(),
                planInOrder);
    }
}
