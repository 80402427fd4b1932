package io.cloudist.core.report;

/** One line of Surefire-style console output and the log level Surefire gives it. */
public record ConsoleLine(Level level, String text) {
    public enum Level {
        INFO,
        WARN,
        ERROR
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
}
