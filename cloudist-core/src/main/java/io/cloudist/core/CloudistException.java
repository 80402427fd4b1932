package io.cloudist.core;

/** A run could not be carried out (infrastructure, I/O, a worker that cannot start). Not a test failure. */
public class CloudistException extends RuntimeException {
    public CloudistException(String message) {
        super(message);
    }

    public CloudistException(String message, Throwable cause) {
        super(message, cause);
    }
}
