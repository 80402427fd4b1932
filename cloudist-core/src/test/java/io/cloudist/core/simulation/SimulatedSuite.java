package io.cloudist.core.simulation;

import io.cloudist.core.plan.Unit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * A generated test suite with a realistic skew: tests spread over classes unevenly, each test's time log-normal
 * with a heavy tail (median 80 ms, a few of many seconds), plus a log-normal per-class setup (median 200 ms). The
 * expected time of a class (its timing history) is its true time off by a log-normal error of about 25%.
 *
 * @param classes one unit per class (class granularity)
 * @param seconds the true time of each class, by unit key
 * @param expected the expected time of each class, by unit key
 */
record SimulatedSuite(List<Unit> classes, Map<String, Double> seconds, Map<String, Double> expected) {
    private static final String ENGINE = "[engine:junit-jupiter]";

    SimulatedSuite {
        classes = List.copyOf(classes);
        seconds = Map.copyOf(seconds);
        expected = Map.copyOf(expected);
    }

    static SimulatedSuite generate(int tests, int classCount, long seed) {
        if (tests < classCount || classCount < 1) {
            throw new IllegalArgumentException(
                    "Need at least one test per class: " + tests + " tests, " + classCount + " classes");
        }
        Random random = new Random(seed);
        int[] perClass = spread(tests, classCount, random);
        List<Unit> classes = new ArrayList<>(classCount);
        Map<String, Double> seconds = new HashMap<>();
        Map<String, Double> expected = new HashMap<>();
        for (int c = 0; c < classCount; c++) {
            String className = "com.example.p" + (c % 97) + ".Sample" + c + "Test";
            List<String> ids = new ArrayList<>(perClass[c]);
            double time = logNormal(random, 0.2, 1.0);
            for (int m = 0; m < perClass[c]; m++) {
                ids.add(ENGINE + "/[class:" + className + "]/[method:case" + m + "()]");
                time += logNormal(random, 0.08, 1.3);
            }
            classes.add(new Unit(className, className, ids, ids.size()));
            seconds.put(className, time);
            expected.put(className, time * logNormal(random, 1.0, 0.25));
        }
        return new SimulatedSuite(classes, seconds, expected);
    }

    /** The same tests, one unit per method, each expected to take its class's mean per test (to time the planner). */
    List<Unit> methods() {
        List<Unit> methods = new ArrayList<>();
        for (Unit c : classes) {
            for (String id : c.uniqueIds()) {
                methods.add(new Unit(id, c.className(), List.of(id), 1));
            }
        }
        return methods;
    }

    /** Expected time of a method unit: its class's expected time shared evenly by its tests. */
    ToDoubleFunction<Unit> methodExpectation() {
        Map<String, Double> perTest = new HashMap<>();
        classes.forEach(c -> perTest.put(c.className(), expected.get(c.key()) / c.tests()));
        return method -> perTest.get(method.className());
    }

    double totalSeconds() {
        return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    double longestSeconds() {
        return seconds.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** Tests per class: at least one each, the rest by log-normal weights (a few big classes, many small ones). */
    private static int[] spread(int tests, int classCount, Random random) {
        double[] weights = new double[classCount];
        double sum = 0;
        for (int c = 0; c < classCount; c++) {
            weights[c] = logNormal(random, 1.0, 0.9);
            sum += weights[c];
        }
        int[] perClass = new int[classCount];
        int left = tests - classCount;
        int given = 0;
        for (int c = 0; c < classCount; c++) {
            perClass[c] = 1 + (int) (left * weights[c] / sum);
            given += perClass[c] - 1;
        }
        for (int c = 0; given < left; c = (c + 1) % classCount, given++) {
            perClass[c]++;
        }
        return perClass;
    }

    private static double logNormal(Random random, double median, double sigma) {
        return median * Math.exp(sigma * random.nextGaussian());
    }
}
