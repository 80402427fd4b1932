package io.cloudist.examples.calculator;

import java.util.Arrays;

/** Summary statistics of a non-empty series of numbers. */
public final class Statistics {
    private final double[] values;

    public Statistics(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        this.values = values.clone();
        Arrays.sort(this.values);
    }

    public double mean() {
        return Arrays.stream(values).sum() / values.length;
    }

    public double median() {
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    public double min() {
        return values[0];
    }

    public double max() {
        return values[values.length - 1];
    }
}
