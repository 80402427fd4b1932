package io.cloudist.examples.calculator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The slow class of the example: about five seconds, as a test against a slow service would be. This is where
 * running classes on several workers pays off.
 */
class SlowPrimesTest {

    @Test
    void countsPrimesUpToOneMillion() throws InterruptedException {
        pause();
        assertEquals(78_498, Primes.countUpTo(1_000_000));
    }

    @Test
    void countsPrimesUpToTenMillion() throws InterruptedException {
        pause();
        assertEquals(664_579, Primes.countUpTo(10_000_000));
    }

    @Test
    void countsPrimesUpToTenThousand() throws InterruptedException {
        pause();
        assertEquals(1_229, Primes.countUpTo(10_000));
    }

    @Test
    void countsPrimesUpToOneHundredThousand() throws InterruptedException {
        pause();
        assertEquals(9_592, Primes.countUpTo(100_000));
    }

    @Test
    void countsPrimesUpToOneThousand() throws InterruptedException {
        pause();
        assertEquals(168, Primes.countUpTo(1_000));
    }

    /** Stands in for waiting on a slow dependency. */
    private static void pause() throws InterruptedException {
        Thread.sleep(1_000);
    }
}
