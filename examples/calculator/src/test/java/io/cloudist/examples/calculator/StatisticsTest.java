package io.cloudist.examples.calculator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void meanOfSeveralValues() {
        assertEquals(2.5, new Statistics(1, 2, 3, 4).mean(), 1e-9);
    }

    @Test
    void medianOfAnOddCount() {
        assertEquals(3, new Statistics(5, 1, 3).median(), 1e-9);
    }

    @Test
    void medianOfAnEvenCount() {
        assertEquals(2.5, new Statistics(4, 1, 3, 2).median(), 1e-9);
    }

    @Test
    void minAndMax() {
        Statistics statistics = new Statistics(3, -1, 7);
        assertEquals(-1, statistics.min(), 1e-9);
        assertEquals(7, statistics.max(), 1e-9);
    }

    @Test
    void rejectsAnEmptySeries() {
        assertThrows(IllegalArgumentException.class, Statistics::new);
    }
}
