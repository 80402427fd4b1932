package io.cloudist.core.run;

import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestResult;
import io.cloudist.core.plan.TimingHistory;
import io.cloudist.core.plan.Unit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * This run's durations per unit, for the timing history: the sum of its method-level nodes' times, wall and CPU. A node that was
 * run again after a failure counts with its first run, as a run without failures would have taken.
 */
final class Measurements {
    private Measurements() {}

    /** This run's durations, and the units with a failed or erred test (for {@code runOrder=failedfirst}). */
    static TimingHistory history(List<Unit> units, List<TestResult> results) {
        Map<String, String> unitOfId = new HashMap<>();
        units.forEach(unit -> unit.uniqueIds().forEach(id -> unitOfId.put(id, unit.key())));
        Set<String> failedUnits = new HashSet<>();
        for (TestResult result : results) {
            if (result.status() == Status.FAILED || result.status() == Status.ERROR) {
                String id = result.uniqueId();
                for (int cut = id.length(); cut > 0; cut = id.lastIndexOf("]/[", cut - 2) + 1) {
                    String unit = unitOfId.get(id.substring(0, cut));
                    if (unit != null) {
                        failedUnits.add(unit);
                        break;
                    }
                }
            }
        }
        return TimingHistory.ofRun(perUnit(units, results), cpuPerUnit(units, results), failedUnits);
    }

    /** Each unit's CPU time: the sum of its nodes', for the units whose every node's is known. */
    static Map<String, Double> cpuPerUnit(List<Unit> units, List<TestResult> results) {
        Map<String, TestResult> byId = new HashMap<>();
        results.forEach(r -> byId.putIfAbsent(r.uniqueId(), r));
        Map<String, Double> measured = new HashMap<>();
        for (Unit unit : units) {
            double cpu = 0;
            boolean any = false;
            boolean all = true;
            for (String id : unit.uniqueIds()) {
                TestResult result = byId.get(id);
                if (result != null) {
                    any = true;
                    all &= result.cpuSeconds() != null;
                    cpu += result.cpuSeconds() == null ? 0 : result.cpuSeconds();
                }
            }
            if (any && all) {
                measured.put(unit.key(), cpu);
            }
        }
        return measured;
    }

    static Map<String, Double> perUnit(List<Unit> units, List<TestResult> results) {
        Map<String, Double> byId = new HashMap<>();
        results.forEach(r -> byId.putIfAbsent(r.uniqueId(), r.seconds()));
        Map<String, Double> measured = new HashMap<>();
        for (Unit unit : units) {
            double seconds = 0;
            boolean any = false;
            for (String id : unit.uniqueIds()) {
                Double s = byId.get(id);
                if (s != null) {
                    seconds += s;
                    any = true;
                }
            }
            if (any) {
                measured.put(unit.key(), seconds);
            }
        }
        return measured;
    }
}
