package io.cloudist.examples.calculator;

import java.util.ArrayDeque;
import java.util.Deque;

/** Evaluates expressions in reverse Polish notation, such as {@code "3 4 + 2 *"}. */
public final class RpnEvaluator {
    private final Calculator calculator = new Calculator();

    public long evaluate(String expression) {
        Deque<Long> stack = new ArrayDeque<>();
        for (String token : expression.trim().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            switch (token) {
                case "+", "-", "*", "/", "^" -> stack.push(apply(token, pop(stack), pop(stack)));
                default -> stack.push(parse(token));
            }
        }
        if (stack.size() != 1) {
            throw new IllegalArgumentException("expression leaves " + stack.size() + " values: " + expression);
        }
        return stack.pop();
    }

    private long apply(String operator, long right, long left) {
        return switch (operator) {
            case "+" -> calculator.add(left, right);
            case "-" -> calculator.subtract(left, right);
            case "*" -> calculator.multiply(left, right);
            case "/" -> calculator.divide(left, right);
            default -> calculator.power(left, Math.toIntExact(right));
        };
    }

    private static long pop(Deque<Long> stack) {
        if (stack.isEmpty()) {
            throw new IllegalArgumentException("missing operand");
        }
        return stack.pop();
    }

    private static long parse(String token) {
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number or operator: " + token, e);
        }
    }
}
