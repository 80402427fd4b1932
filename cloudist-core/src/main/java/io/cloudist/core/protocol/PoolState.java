package io.cloudist.core.protocol;

import java.util.Objects;

/**
 * {@code pool/<workerId>/state}: a warm worker waiting for a run, rewritten every few seconds while it waits.
 *
 * @param schema document schema version
 * @param workerId the worker
 * @param host where it runs (an instance id, or a host name)
 * @param timeMillis when it was written (worker clock)
 * @param idleUntilMillis when the worker gives up waiting and exits
 * @param nextOffer the number of the offer it waits for ({@code pool/<workerId>/offer/<nextOffer>})
 */
public record PoolState(int schema, String workerId, String host, long timeMillis, long idleUntilMillis, int nextOffer)
        implements Documents.Versioned {
    public PoolState {
        Objects.requireNonNull(workerId, "workerId");
        host = Objects.requireNonNullElse(host, "");
    }
}
