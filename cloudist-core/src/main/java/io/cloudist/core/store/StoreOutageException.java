package io.cloudist.core.store;

import io.cloudist.core.CloudistException;

/**
 * The store stayed unreachable for longer than {@code cloudist.storeOutageSeconds} allows: {@link ResilientStore}
 * gave up. Its message names the store, how long it was out, the parameter and the fix. Not a
 * {@link StoreUnavailableException}, so that nothing retries it again.
 */
public final class StoreOutageException extends CloudistException {
    public StoreOutageException(String message, Throwable cause) {
        super(message, cause);
    }
}
