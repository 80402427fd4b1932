package io.cloudist.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;
import java.util.Objects;

/**
 * Why a test failed, errored or was skipped.
 *
 * @param type the exception class name, or a cloudist reason such as {@code cloudist.JvmCrash}; may be empty for skips
 * @param message the message; may be empty, never null
 * @param stackTrace the full stack trace text; may be empty, never null
 * @param superclasses the superclasses of the failed test's class, nearest first, as the test JVM loaded them: the
 *     console's one-line summary keeps their frames, as Surefire's does; empty when unknown
 */
public record Failure(
        String type,
        String message,
        String stackTrace,
        @JsonInclude(Include.NON_EMPTY) List<String> superclasses) {
    public Failure {
        type = Objects.requireNonNullElse(type, "");
        message = Objects.requireNonNullElse(message, "");
        stackTrace = Objects.requireNonNullElse(stackTrace, "");
        superclasses = superclasses == null ? List.of() : List.copyOf(superclasses);
    }

    /** A failure whose test class's superclasses are not known. */
    public Failure(String type, String message, String stackTrace) {
        this(type, message, stackTrace, List.of());
    }

    public static Failure of(String type, String message) {
        return new Failure(type, message, type + ": " + message);
    }
}
