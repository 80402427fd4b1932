package io.cloudist.examples.calculator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CalculatorTest {
    private final Calculator calculator = new Calculator();

    @Test
    void addsTwoNumbers() {
        assertEquals(5, calculator.add(2, 3));
    }

    @Test
    void subtractsIntoNegativeNumbers() {
        assertEquals(-1, calculator.subtract(2, 3));
    }

    @Test
    void divisionRoundsTowardZero() {
        assertEquals(-2, calculator.divide(-7, 3));
    }

    @Test
    void refusesToDivideByZero() {
        assertThrows(ArithmeticException.class, () -> calculator.divide(1, 0));
    }

    @Test
    void refusesToOverflow() {
        assertThrows(ArithmeticException.class, () -> calculator.multiply(Long.MAX_VALUE, 2));
    }
}
