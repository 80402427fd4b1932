package io.cloudist.core.store;

import io.cloudist.core.CloudistException;

/**
 * The store could not be reached for a moment: throttling, a 5xx answer, a timeout, a dropped connection, an I/O error
 * of a local directory. A {@link Store} throws it once its own quick retries are spent; {@link ResilientStore} keeps
 * retrying it for as long as an outage may last. A wrong configuration (no permission, no bucket, wrong region) is
 * never one: retrying cannot fix it.
 */
public class StoreUnavailableException extends CloudistException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}
