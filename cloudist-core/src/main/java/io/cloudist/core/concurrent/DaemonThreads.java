package io.cloudist.core.concurrent;

import java.util.concurrent.ThreadFactory;

/** Threads that never keep the JVM alive: pools and timers of work that is abandoned when the process ends. */
public final class DaemonThreads {
    private DaemonThreads() {}

    /** A factory of daemon threads, all named {@code name}. */
    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
