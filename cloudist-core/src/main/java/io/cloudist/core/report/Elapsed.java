package io.cloudist.core.report;

import java.text.MessageFormat;
import java.util.Locale;

/** Surefire's two ways of printing elapsed milliseconds, both independent of the default locale. */
final class Elapsed {
    /** At most four digits: {@code 0 s}, {@code 0.016 s}, {@code 12.35 s}, {@code 123.5 s}, {@code 1234 s}. */
    private static final String CONSOLE_PATTERN =
            "{0,choice,0#0|0.0<{0,number,0.000}|10#{0,number,0.00}|100#{0,number,0.0}|1000#{0,number,0}} s";
    /** Parsed once per thread (a MessageFormat is not thread-safe): a run prints a line like this per class. */
    private static final ThreadLocal<MessageFormat> CONSOLE =
            ThreadLocal.withInitial(() -> new MessageFormat(CONSOLE_PATTERN, Locale.ROOT));

    private Elapsed() {}

    /** The XML {@code time} attribute: seconds as a Java float ({@code 0.0}, {@code 0.01}, {@code 0.175}). */
    static String xml(long millis) {
        return String.valueOf(millis / 1000.0f);
    }

    /** The console and text report form, e.g. {@code 0.016 s}. */
    static String console(long millis) {
        return CONSOLE.get().format(new Object[] {millis / 1000.0f});
    }

    /** {@code Time elapsed: 0.016 s}. */
    static String verbose(long millis) {
        return "Time elapsed: " + console(millis);
    }
}
