package io.cloudist.core.simulation;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Requests by kind and bytes moved, for one client of a {@link SimulatedStore}; safe to share between threads. */
final class RequestCounts {
    private final Map<S3Request, LongAdder> requests = new EnumMap<>(S3Request.class);
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder latencyNanos = new LongAdder();

    RequestCounts() {
        for (S3Request kind : S3Request.values()) {
            requests.put(kind, new LongAdder());
        }
    }

    void count(S3Request kind, long sent, long received) {
        requests.get(kind).increment();
        bytesSent.add(sent);
        bytesReceived.add(received);
    }

    /** Adds the latency a request was given, in real nanoseconds. */
    void waited(long nanos) {
        latencyNanos.add(nanos);
    }

    /** The latencies requests were given, added up, in real seconds. */
    double waitedSeconds() {
        return latencyNanos.sum() / 1e9;
    }

    long requests(S3Request kind) {
        return requests.get(kind).sum();
    }

    long total() {
        return requests.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long bytesSent() {
        return bytesSent.sum();
    }

    long bytesReceived() {
        return bytesReceived.sum();
    }

    /** What these requests cost at S3 Standard list prices, in dollars (storage and transfer not included). */
    double dollars() {
        double dollars = 0;
        for (S3Request kind : S3Request.values()) {
            dollars += requests(kind) * kind.dollarsPerThousand / 1000;
        }
        return dollars;
    }
}
