package io.cloudist.core.report;

/**
 * One line of Surefire-style console output and the log level Surefire gives it, or text a test printed, which
 * Surefire shows as it was printed, without a level.
 */
public record ConsoleLine(Level level, String text) {
    public enum Level {
        INFO,
        WARN,
        ERROR,
        /** A test's standard output, as printed (line breaks included). */
        STDOUT,
        /** A test's standard error, as printed (line breaks included). */
        STDERR
    }

    public static ConsoleLine info(String text) {
        return new ConsoleLine(Level.INFO, text);
    }

    public static ConsoleLine warn(String text) {
        return new ConsoleLine(Level.WARN, text);
    }

    public static ConsoleLine error(String text) {
        return new ConsoleLine(Level.ERROR, text);
    }

    /** Text a test printed to standard output ({@code err} false) or standard error. */
    public static ConsoleLine printed(boolean err, String text) {
        return new ConsoleLine(err ? Level.STDERR : Level.STDOUT, text);
    }

    /** Whether this is text a test printed rather than a log line. */
    public boolean isPrinted() {
        return level == Level.STDOUT || level == Level.STDERR;
    }
}
