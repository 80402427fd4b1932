package io.cloudist.examples.calculator;

/** Integer arithmetic that refuses to overflow silently. */
public final class Calculator {

    public long add(long a, long b) {
        return Math.addExact(a, b);
    }

    public long subtract(long a, long b) {
        return Math.subtractExact(a, b);
    }

    public long multiply(long a, long b) {
        return Math.multiplyExact(a, b);
    }

    /** Integer division, rounding toward zero. */
    public long divide(long dividend, long divisor) {
        if (divisor == 0) {
            throw new ArithmeticException("division by zero");
        }
        return dividend / divisor;
    }

    /** {@code base} to the power {@code exponent}, for a non-negative exponent. */
    public long power(long base, int exponent) {
        if (exponent < 0) {
            throw new IllegalArgumentException("negative exponent: " + exponent);
        }
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result = Math.multiplyExact(result, base);
        }
        return result;
    }
}
