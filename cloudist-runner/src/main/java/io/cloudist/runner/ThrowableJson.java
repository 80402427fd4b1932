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

    /**
     * A test's throwable, with the superclasses of its test class ({@code superclasses}, space-separated, nearest
     * first, {@link Object} left out): Surefire's one-line summary of a failure keeps the frames of the test class and
     * of its superclasses, and only this JVM can tell which they are.
     */
    static JsonObject of(Throwable throwable, String testClass) {
        JsonObject json = of(throwable);
        StringBuilder superclasses = new StringBuilder();
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> type = testClass.isEmpty() ? null : Class.forName(testClass, false, loader);
            for (Class<?> s = type == null ? null : type.getSuperclass();
                    s != null && s != Object.class;
                    s = s.getSuperclass()) {
                superclasses.append(superclasses.length() == 0 ? "" : " ").append(s.getName());
            }
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            // the summary then keeps the test class's own frames only
        }
        return superclasses.length() == 0 ? json : json.put("superclasses", superclasses.toString());
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
