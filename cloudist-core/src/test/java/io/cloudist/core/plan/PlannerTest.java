package io.cloudist.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private static Unit unit(String name) {
        return new Unit(name, name, List.of("[engine:e]/[class:" + name + "]"), 1);
    }

    private static List<Unit> units(int n) {
        return IntStream.range(0, n).mapToObj(i -> unit("C" + i)).toList();
    }

    @Test
    void makesWorkersTimesTasksPerWorkerTasksWhenThereAreEnoughUnits() {
        List<Task> tasks = Planner.plan(units(100), 4, 3, u -> 1.0);
        // 12 tasks; the last round's share (a third: the 33 shortest units) becomes 16 tasks.
        assertThat(tasks).hasSize(8 + 4 * Planner.TAIL_SPLIT);
        assertThat(tasks.stream().mapToInt(t -> t.units().size()).sum()).isEqualTo(100);
    }

    @Test
    void aClassOfManyShortTestsIsPlannedByWhatItsTestsCostAsWellAsByItsTime() {
        Unit many = new Unit("Many", "Many", List.of("[engine:e]/[class:Many]"), 60_000);
        Unit x = unit("X");
        Unit y = unit("Y");
        Map<String, Double> seconds = Map.of("Many", 3.0, "X", 9.0, "Y", 8.0);

        List<Task> byTime = Planner.plan(List.of(many, x, y), 2, 1, u -> seconds.get(u.key()));
        List<Task> byCost = Planner.plan(List.of(many, x, y), 2, 1, Planner.withTestCost(u -> seconds.get(u.key())));

        assertThat(byTime).extracting(t -> t.units().size()).containsExactlyInAnyOrder(1, 2);
        assertThat(byTime)
                .filteredOn(t -> t.units().size() == 1)
                .singleElement()
                .satisfies(t -> assertThat(t.units()).containsExactly(x));
        assertThat(byCost)
                .as("60,000 tests cost 9 s on top of their 3 s: the class is the longest unit and runs alone")
                .filteredOn(t -> t.units().size() == 1)
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.units()).containsExactly(many);
                    assertThat(t.expectedSeconds()).isCloseTo(12.0, within(1e-9));
                });
    }

    @Test
    void neverMakesMoreTasksThanUnitsNorAnEmptyTask() {
        List<Task> tasks = Planner.plan(units(3), 4, 4, u -> 1.0);
        assertThat(tasks).hasSize(3).allSatisfy(t -> assertThat(t.units()).isNotEmpty());
    }

    @Test
    void unitsMeasuredAtZeroSecondsSpreadOverTasksInsteadOfLeavingOneEmpty() {
        Map<String, Double> history = Map.of("C0", 0.04, "C1", 0.03, "C2", 0.013, "C3", 0.008, "C4", 0.002);
        List<Task> tasks = Planner.plan(units(8), 2, 4, u -> history.getOrDefault(u.key(), 0.0));

        assertThat(tasks).allSatisfy(t -> assertThat(t.units()).isNotEmpty());
        assertThat(tasks.stream().mapToInt(t -> t.units().size()).sum()).isEqualTo(8);
    }

    @Test
    void theUnitsOfSeveralModulesArePlannedLongestFirstAcrossThemWithEachTaskOneModulesUnits() {
        List<Unit> units = new ArrayList<>();
        Map<String, Double> seconds = new HashMap<>();
        for (int m = 0; m < 12; m++) {
            for (int c = 0; c < 5; c++) {
                String key = "m" + m + ".C" + c;
                units.add(new Unit(key, key, List.of("[engine:e]/[class:" + key + "]"), 1, "g:m" + m));
                seconds.put(key, 0.3 + 0.1 * c);
            }
        }
        // Two modules with one long class each.
        units.add(new Unit("m3.Long", "m3.Long", List.of("[engine:e]/[class:m3.Long]"), 1, "g:m3"));
        units.add(new Unit("m9.Long", "m9.Long", List.of("[engine:e]/[class:m9.Long]"), 1, "g:m9"));
        seconds.put("m3.Long", 9.0);
        seconds.put("m9.Long", 8.0);

        List<Task> tasks = Planner.plan(units, 2, 4, u -> seconds.get(u.key()));

        assertThat(tasks)
                .allSatisfy(t -> assertThat(t.units()).extracting(Unit::module).containsOnly(t.module()));
        assertThat(tasks.stream().mapToInt(t -> t.units().size()).sum()).isEqualTo(units.size());
        assertThat(tasks.get(0).units()).extracting(Unit::key).containsExactly("m3.Long");
        assertThat(tasks.get(1).units()).extracting(Unit::key).containsExactly("m9.Long");
        assertThat(tasks).extracting(Task::expectedSeconds).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(tasks.stream().map(Task::module).distinct())
                .as("every module has a task")
                .hasSize(12);
        // A small module is not cut into many tasks: its test JVM starts once or twice, not once per class.
        assertThat(tasks.stream().filter(t -> t.module().equals("g:m0"))).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void noUnitsGiveNoTasks() {
        assertThat(Planner.plan(List.of(), 2, 4, u -> 1.0)).isEmpty();
    }

    @Test
    void ordersTasksLongestFirstAndKeepsALargeUnitWhole() {
        Map<String, Double> seconds = Map.of("C0", 1.0, "C1", 30.0, "C2", 2.0, "C3", 3.0, "C4", 1.0, "C5", 1.0);
        List<Task> tasks = Planner.plan(units(6), 2, 1, u -> seconds.get(u.key()));
        assertThat(tasks).hasSize(2);
        assertThat(tasks.get(0).units()).extracting(Unit::key).containsExactly("C1");
        assertThat(tasks.get(0).expectedSeconds()).isEqualTo(30.0);
        assertThat(tasks.get(1).units()).extracting(Unit::key).containsExactlyInAnyOrder("C0", "C2", "C3", "C4", "C5");
    }

    @Test
    void balancesExpectedTimeAcrossTasks() {
        List<Unit> units = new ArrayList<>(units(40));
        List<Task> tasks =
                Planner.plan(units, 2, 2, u -> 1.0 + Integer.parseInt(u.key().substring(1)) % 7);
        assertThat(tasks).hasSize(2 + 2 * Planner.TAIL_SPLIT);
        assertThat(spread(tasks.subList(0, 2))).isLessThanOrEqualTo(7.0);
        assertThat(spread(tasks.subList(2, tasks.size()))).isLessThanOrEqualTo(7.0);
        assertThat(tasks).isSortedAccordingTo((a, b) -> Double.compare(b.expectedSeconds(), a.expectedSeconds()));
    }

    @Test
    void splitsTheLastRoundSoThatWorkersRunOutOfWorkTogether() {
        List<Task> tasks = Planner.plan(units(100), 2, 4, u -> 1.0);

        // 8 tasks of about 12.5 units; the last round's 25 units become 8 tasks of 3-4 at the end of the queue.
        assertThat(tasks).hasSize(6 + 2 * Planner.TAIL_SPLIT);
        assertThat(tasks.subList(0, 6))
                .allSatisfy(t -> assertThat(t.expectedSeconds()).isBetween(12.0, 13.0));
        assertThat(tasks.subList(6, tasks.size()))
                .allSatisfy(t -> assertThat(t.expectedSeconds()).isBetween(3.0, 4.0));
        assertThat(tasks.stream().mapToInt(t -> t.units().size()).sum()).isEqualTo(100);
        assertThat(tasks)
                .extracting(Task::id)
                .containsExactly(
                        IntStream.range(0, tasks.size()).mapToObj(i -> "t" + i).toArray(String[]::new));
    }

    @Test
    void keepsTheLongUnitsOutOfTheLastRound() {
        // The cpu benchmark's suite: a unit of 2.5 s in the last round would set the end of the run.
        Map<String, Double> seconds = new HashMap<>();
        List<Unit> units = units(40);
        units.forEach(u -> seconds.put(u.key(), 0.25));
        List.of("C0", "C1", "C2", "C3", "C4", "C5").forEach(k -> seconds.put(k, 1.0));
        List.of("C6", "C7", "C8").forEach(k -> seconds.put(k, 2.5));
        seconds.put("C9", 12.0);

        List<Task> tasks = Planner.plan(units, 2, 4, u -> seconds.get(u.key()));

        List<Task> lastRound = tasks.subList(6, tasks.size());
        assertThat(lastRound)
                .hasSize(2 * Planner.TAIL_SPLIT)
                .allSatisfy(t -> assertThat(t.expectedSeconds()).isLessThanOrEqualTo(1.25))
                .flatExtracting(Task::units)
                .allSatisfy(u -> assertThat(seconds.get(u.key())).isLessThanOrEqualTo(1.0));
        assertThat(tasks.get(0).units()).extracting(Unit::key).containsExactly("C9");
    }

    @Test
    void splitsTheLastRoundOfManyWorkersIntoAtMostABoundedNumberOfExtraTasks() {
        List<Task> tasks = Planner.plan(units(4000), 200, 4, u -> 1.0);

        // 800 tasks of 5 units; the last round's 1,000 units become 264 tasks, not 800.
        assertThat(tasks).hasSize(600 + 200 + Planner.MAX_TAIL_EXTRA);
        assertThat(tasks.stream().mapToInt(t -> t.units().size()).sum()).isEqualTo(4000);
    }

    @Test
    void leavesTasksWholeWhenThereIsOneRound() {
        assertThat(Planner.plan(units(20), 4, 1, u -> 1.0))
                .hasSize(4)
                .allSatisfy(t -> assertThat(t.expectedSeconds()).isEqualTo(5.0));
    }

    private static double spread(List<Task> tasks) {
        double max = tasks.stream().mapToDouble(Task::expectedSeconds).max().orElseThrow();
        double min = tasks.stream().mapToDouble(Task::expectedSeconds).min().orElseThrow();
        return max - min;
    }

    @Test
    void aTargetTaskLengthSetsHowManyTasksThereAre() {
        List<Task> tasks = Planner.plan(units(100), 2, 4, 10.0, u -> 1.0);
        assertThat(tasks).hasSize(8 + 2 * Planner.TAIL_SPLIT);
        assertThat(tasks.subList(0, 8))
                .allSatisfy(t -> assertThat(t.expectedSeconds()).isEqualTo(10.0));
        assertThat(tasks.subList(8, tasks.size()))
                .allSatisfy(t -> assertThat(t.expectedSeconds()).isLessThan(10.0));
    }

    @Test
    void aTargetTaskLengthStillGivesEveryWorkerATask() {
        List<Task> tasks = Planner.plan(units(20), 4, 4, 1000.0, u -> 1.0);
        assertThat(tasks).hasSize(4);
    }

    @Test
    void aUnitLongerThanTheTargetIsATaskOfItsOwnAndGoesFirst() {
        Map<String, Double> seconds = new HashMap<>();
        units(30).forEach(u -> seconds.put(u.key(), 1.0));
        seconds.put("C7", 25.0);
        seconds.put("C21", 12.0);
        List<Task> tasks = Planner.plan(units(30), 2, 4, 8.0, u -> seconds.get(u.key()));
        assertThat(tasks.get(0).units()).extracting(Unit::key).containsExactly("C7");
        assertThat(tasks.get(1).units()).extracting(Unit::key).containsExactly("C21");
        assertThat(tasks.subList(2, tasks.size()))
                .allSatisfy(t -> assertThat(t.expectedSeconds()).isLessThan(8.0));
        assertThat(tasks).isSortedAccordingTo((a, b) -> Double.compare(b.expectedSeconds(), a.expectedSeconds()));
    }

    @Test
    void withoutATargetTaskLengthTasksPerWorkerCountsTheTasks() {
        assertThat(Planner.plan(units(100), 2, 4, 0, u -> 1.0)).hasSize(6 + 2 * Planner.TAIL_SPLIT);
        assertThat(Planner.plan(units(100), 2, 6, 0, u -> 1.0)).hasSize(10 + 2 * Planner.TAIL_SPLIT);
    }

    @Test
    void startsTheLongestUnitFirstSoTwoWorkersFinishTogether() {
        // Surefire's alphabetical order would run the long class last and make it set the end of the run.
        Map<String, Double> seconds = new HashMap<>();
        units(21).forEach(u -> seconds.put(u.key(), 1.0));
        seconds.put("C20", 20.0);
        List<Task> tasks = Planner.plan(units(21), 2, 4, u -> seconds.get(u.key()));
        assertThat(tasks.get(0).units()).extracting(Unit::key).containsExactly("C20");
        double rest = tasks.stream().skip(1).mapToDouble(Task::expectedSeconds).sum();
        assertThat(rest).isEqualTo(20.0);
    }
}
