package io.cloudist.aws.image;

import io.cloudist.core.CloudistException;

/** The worker image could not be built, pushed or found: a run falls back to installing Java at boot. */
public final class ImageBuildException extends CloudistException {
    private static final long serialVersionUID = 1L;

    public ImageBuildException(String message, Throwable cause) {
        super(message, cause);
    }

    public ImageBuildException(String message) {
        super(message);
    }
}
