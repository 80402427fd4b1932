package io.cloudist.examples.calculator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PowerTest {
    private final Calculator calculator = new Calculator();

    @ParameterizedTest(name = "{0}^{1} = {2}")
    @CsvSource({"2, 0, 1", "2, 10, 1024", "-3, 3, -27", "10, 18, 1000000000000000000", "0, 5, 0"})
    void raisesToAPower(long base, int exponent, long expected) {
        assertEquals(expected, calculator.power(base, exponent));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, -2, Integer.MIN_VALUE})
    void rejectsNegativeExponents(int exponent) {
        assertThrows(IllegalArgumentException.class, () -> calculator.power(2, exponent));
    }
}
