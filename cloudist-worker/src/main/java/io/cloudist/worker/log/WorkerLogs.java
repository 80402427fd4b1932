package io.cloudist.worker.log;

import java.io.PrintStream;

/**
 * Where a worker agent's log lines go. A worker process writes to its standard error, which the local backend and
 * the EC2 boot script send to the worker's log file. Agents that run on threads of the coordinator's JVM share its
 * standard error, so each routes its own threads to its own log file: a thread writes where the thread that started
 * it wrote when it was started, as the agent's timers and pools are started by its own threads.
 */
public final class WorkerLogs {
    private static final InheritableThreadLocal<PrintStream> SINK = new InheritableThreadLocal<>();

    private WorkerLogs() {}

    /** Sends the log lines of this thread, and of the threads it starts from now on, to {@code sink}. */
    public static void routeTo(PrintStream sink) {
        SINK.set(sink);
    }

    /** Sends this thread's log lines to standard error again. */
    public static void clear() {
        SINK.remove();
    }

    /** Writes one entry (one or more lines, each ending in a line separator) at once. */
    static void write(String entry) {
        PrintStream sink = SINK.get();
        (sink != null ? sink : standardError()).print(entry);
    }

    private static PrintStream standardError() {
        return System.err;
    }
}
