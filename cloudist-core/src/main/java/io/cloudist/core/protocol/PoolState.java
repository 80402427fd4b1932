package io.cloudist.core.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
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
 * @param bundle the worker agent's own code, as {@link io.cloudist.core.provision.WorkerBundle#id} names it: a run
 *     claims only the warm workers whose agent is its own; "" for an agent that did not say
 */
public record PoolState(
        int schema,
        String workerId,
        String host,
        long timeMillis,
        long idleUntilMillis,
        int nextOffer,
        @JsonInclude(Include.NON_EMPTY) String bundle)
        implements Documents.Versioned {
    public PoolState {
        Objects.requireNonNull(workerId, "workerId");
        host = Objects.requireNonNullElse(host, "");
        bundle = Objects.requireNonNullElse(bundle, "");
    }

    /** A state that does not say which agent waits. */
    public PoolState(int schema, String workerId, String host, long timeMillis, long idleUntilMillis, int nextOffer) {
        this(schema, workerId, host, timeMillis, idleUntilMillis, nextOffer, "");
    }
}
