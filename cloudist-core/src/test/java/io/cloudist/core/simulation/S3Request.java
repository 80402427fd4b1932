package io.cloudist.core.simulation;

/**
 * The kinds of request a {@link SimulatedStore} counts, with the latency it injects for each and the S3 Standard
 * list price of each (us-east-1, per 1,000 requests, as listed on 2026-11-22).
 */
enum S3Request {
    GET(15, 30, 0.0004),
    HEAD(15, 30, 0.0004),
    PUT(30, 60, 0.005),
    LIST(50, 100, 0.005),
    DELETE(30, 60, 0.0);

    /** The day the prices above were taken, printed with every cost. */
    static final String PRICES_TAKEN = "2026-11-22";

    final int minMillis;
    final int maxMillis;
    final double dollarsPerThousand;

    S3Request(int minMillis, int maxMillis, double dollarsPerThousand) {
        this.minMillis = minMillis;
        this.maxMillis = maxMillis;
        this.dollarsPerThousand = dollarsPerThousand;
    }
}
