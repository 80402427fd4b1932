package io.cloudist.core.report;

import io.cloudist.core.model.Failure;
import java.util.StringTokenizer;

/** How Surefire renders a {@link Failure}: the {@code type} attribute and the stack trace text. */
final class FailureText {
    private FailureText() {}

    /**
     * Surefire takes the type from the stack trace's first line: the text before the first colon when the exception
     * has a message, else the first word.
     */
    static String type(Failure failure) {
        String trace = failure.stackTrace();
        if (trace.isBlank()) {
            return failure.type();
        }
        int colon = trace.indexOf(':');
        if (!failure.message().isEmpty() && colon >= 0) {
            return trace.substring(0, colon);
        }
        return new StringTokenizer(trace).nextToken();
    }

    /** The stack trace as {@code printStackTrace} writes it: ending with a line separator, or empty. */
    static String stackTrace(Failure failure) {
        String trace = failure.stackTrace();
        return trace.isEmpty() || trace.endsWith("\n") ? trace : trace + System.lineSeparator();
    }

    /** Whether a skip carries an exception (an aborted test) rather than a reason (a disabled test). */
    static boolean isAborted(Failure failure) {
        return !failure.stackTrace().isBlank();
    }
}
