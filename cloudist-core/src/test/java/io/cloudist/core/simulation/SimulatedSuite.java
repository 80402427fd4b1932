package io.cloudist.core.simulation;

import io.cloudist.core.plan.Unit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A generated test suite with a realistic skew: tests spread over classes unevenly, each test's time log-normal
 * with a heavy tail (median 80 ms, a few of many seconds), plus a log-normal per-class setup (median 200 ms). The
 * expected time of a class (its timing history) is its true time off by a log-normal error of about 25%.
 *
 * <p>A reactor's suite spreads the classes over its modules, the module sizes Zipf-like (the module of rank
 * {@code r} gets classes in proportion to {@code 1 / r}: of 100 modules the largest holds about a fifth of the
 * classes, the median one about 0.4%), which class goes to which module drawn at random. The classes and their times
 * are the same whatever the number of modules; a suite of one module is a run of one ({@code module} "").
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
        return generate(tests, classCount, 1, seed);
    }

    static SimulatedSuite generate(int tests, int classCount, int moduleCount, long seed) {
        if (tests < classCount || classCount < moduleCount || moduleCount < 1) {
            throw new IllegalArgumentException("Need at least one test per class and one class per module: " + tests
                    + " tests, " + classCount + " classes, " + moduleCount + " modules");
        }
        Random random = new Random(seed);
        int[] perClass = spread(tests, classCount, random);
        String[] moduleOf = modules(classCount, moduleCount, new Random(~seed));
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
            classes.add(new Unit(className, className, ids, ids.size(), moduleOf[c]));
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
                methods.add(new Unit(id, c.className(), List.of(id), 1, c.module()));
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

    /** The true test time of each module, by name ("" in a run of one module). */
    Map<String, Double> moduleSeconds() {
        return classes.stream()
                .collect(Collectors.groupingBy(
                        Unit::module, TreeMap::new, Collectors.summingDouble(u -> seconds.get(u.key()))));
    }

    /**
     * The module with the most expected test time: the run's manifest names it first, and every worker starts its
     * test JVM before the first task.
     */
    String heaviestModule() {
        Map<String, Double> byModule = classes.stream()
                .collect(Collectors.groupingBy(Unit::module, Collectors.summingDouble(u -> expected.get(u.key()))));
        return byModule.entrySet().stream()
                .max(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow()
                .getKey();
    }

    /**
     * The module of each class: "" for all in a run of one module; else module {@code r} (from 1) gets at least one
     * class and the others in proportion to {@code 1 / r}, the classes dealt out in a random order.
     */
    private static String[] modules(int classCount, int moduleCount, Random random) {
        String[] moduleOf = new String[classCount];
        if (moduleCount == 1) {
            Arrays.fill(moduleOf, "");
            return moduleOf;
        }
        double harmonic =
                IntStream.rangeClosed(1, moduleCount).mapToDouble(r -> 1.0 / r).sum();
        int[] size = new int[moduleCount];
        int left = classCount - moduleCount;
        int given = 0;
        for (int m = 0; m < moduleCount; m++) {
            size[m] = 1 + (int) (left / (m + 1.0) / harmonic);
            given += size[m] - 1;
        }
        for (int m = 0; given < left; m = (m + 1) % moduleCount, given++) {
            size[m]++;
        }
        List<Integer> order =
                new ArrayList<>(IntStream.range(0, classCount).boxed().toList());
        Collections.shuffle(order, random);
        int next = 0;
        for (int m = 0; m < moduleCount; m++) {
            String name = String.format(Locale.US, "com.example:module-%03d", m + 1);
            for (int i = 0; i < size[m]; i++) {
                moduleOf[order.get(next++)] = name;
            }
        }
        return moduleOf;
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
