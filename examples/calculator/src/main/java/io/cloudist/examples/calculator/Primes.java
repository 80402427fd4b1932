package io.cloudist.examples.calculator;

import java.util.BitSet;

/** Prime numbers by the sieve of Eratosthenes. */
public final class Primes {
    private Primes() {}

    /** How many primes are at most {@code limit}. */
    public static int countUpTo(int limit) {
        if (limit < 2) {
            return 0;
        }
        BitSet composite = new BitSet(limit + 1);
        int count = 0;
        for (int n = 2; n <= limit; n++) {
            if (!composite.get(n)) {
                count++;
                for (long multiple = (long) n * n; multiple <= limit; multiple += n) {
                    composite.set((int) multiple);
                }
            }
        }
        return count;
    }

    public static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        for (long d = 2; d * d <= n; d++) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }
}
