package io.cloudist.examples.calculator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrimesTest {

    @Test
    void countsSmallPrimes() {
        assertEquals(25, Primes.countUpTo(100));
    }

    @Test
    void hasNoPrimesBelowTwo() {
        assertEquals(0, Primes.countUpTo(1));
    }

    @Test
    void recognisesALargePrime() {
        assertTrue(Primes.isPrime(2_147_483_647L));
    }

    @Test
    void recognisesAComposite() {
        assertFalse(Primes.isPrime(1_000_001L));
    }
}
