package io.cloudist.core.concurrent;

import io.cloudist.core.CloudistException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work handed to a pool, with its failure rethrown as it was thrown. */
public final class Futures {
    private Futures() {}

    /**
     * The future's value. A {@link RuntimeException} the work threw is rethrown as it is; any other failure becomes a
     * {@link CloudistException} "{@code failed}: cause". An interrupt keeps the thread's flag set and becomes a
     * {@link CloudistException} {@code interrupted}.
     */
    public static <T> T await(Future<T> future, String interrupted, String failed) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudistException(interrupted, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new CloudistException(failed + ": " + e.getCause(), e.getCause());
        }
    }
}
