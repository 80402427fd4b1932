package io.cloudist.worker.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * One named logger of the worker: {@code HH:mm:ss.SSS [thread] LEVEL logger - message}, then the stack trace if
 * any, written as one entry through {@link WorkerLogs}. INFO and above are written.
 */
final class WorkerLogger extends LegacyAbstractLogger {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    WorkerLogger(String name) {
        this.name = name;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
            Level level, Marker marker, String messagePattern, Object[] arguments, Throwable throwable) {
        StringBuilder entry = new StringBuilder()
                .append(TIME.format(LocalTime.now().truncatedTo(ChronoUnit.MILLIS)))
                .append(" [")
                .append(Thread.currentThread().getName())
                .append("] ")
                .append(level)
                .append(' ')
                .append(name)
                .append(" - ")
                .append(MessageFormatter.basicArrayFormat(messagePattern, arguments))
                .append(System.lineSeparator());
        if (throwable != null) {
            StringWriter trace = new StringWriter();
            throwable.printStackTrace(new PrintWriter(trace));
            entry.append(trace);
        }
        WorkerLogs.write(entry.toString());
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }
}
