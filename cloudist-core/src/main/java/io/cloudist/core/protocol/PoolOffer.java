package io.cloudist.core.protocol;

import java.util.Objects;

/**
 * {@code pool/<workerId>/offer/<n>}: a run claiming a warm worker. Created with put-if-absent, so exactly one
 * coordinator wins a worker.
 *
 * @param schema document schema version
 * @param runId the run the worker now works for
 * @param timeMillis when the offer was made (coordinator clock)
 */
public record PoolOffer(int schema, String runId, long timeMillis) implements Documents.Versioned {
    public PoolOffer {
        Objects.requireNonNull(runId, "runId");
    }
}
