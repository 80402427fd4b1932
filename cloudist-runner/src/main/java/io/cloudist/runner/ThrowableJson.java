package io.cloudist.runner;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Throwables as JSON: a test's failure, or an error of the runner itself. */
final class ThrowableJson {
    private ThrowableJson() {}

    /**
     * A test's throwable. {@code assertion} is true for {@link AssertionError} and its subclasses, which Surefire
     * reports as failures rather than errors.
     */
    static JsonObject of(Throwable throwable) {
        return new JsonObject()
                .put("type", throwable.getClass().getName())
                .put("message", throwable.getMessage())
                .put("stackTrace", stackTrace(throwable))
                .put("assertion", throwable instanceof AssertionError);
    }

    /** An {@code error} event: the runner could not read or run a request. */
    static JsonObject errorEvent(Throwable throwable) {
        return new JsonObject()
                .put("event", "error")
                .put("message", String.valueOf(throwable))
                .put("stackTrace", stackTrace(throwable));
    }

    static String stackTrace(Throwable throwable) {
        StringWriter text = new StringWriter();
        try (PrintWriter writer = new PrintWriter(text)) {
            throwable.printStackTrace(writer);
        } catch (RuntimeException e) {
            text.write(throwable.getClass().getName() + " (stack trace unavailable: " + e + ")");
        }
        return text.toString();
    }
}
