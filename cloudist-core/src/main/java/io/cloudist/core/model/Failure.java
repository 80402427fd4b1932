package io.cloudist.core.model;

import java.util.Objects;

/**
 * Why a test failed, errored or was skipped.
 *
 * @param type the exception class name, or a cloudist reason such as {@code cloudist.JvmCrash}; may be empty for skips
 * @param message the message; may be empty, never null
 * @param stackTrace the full stack trace text; may be empty, never null
 */
public record Failure(String type, String message, String stackTrace) {
    public Failure {
        type = Objects.requireNonNullElse(type, "");
        message = Objects.requireNonNullElse(message, "");
        stackTrace = Objects.requireNonNullElse(stackTrace, "");
    }

    public static Failure of(String type, String message) {
        return new Failure(type, message, type + ": " + message);
    }
}
