package io.cloudist.core.run;

import io.cloudist.core.model.TestResult;
import io.cloudist.core.plan.Unit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * This run's durations per unit, for the timing history: the sum of its method-level nodes' times. A node that was
 * run again after a failure counts with its first run, as a run without failures would have taken.
 */
final class Measurements {
    private Measurements() {}

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
