package io.cloudist.maven;

import org.apache.maven.plugin.logging.Log;

/** Where progress goes: one updating console line, or a log line now and then. */
interface ProgressDisplay {
    /** Shows the current progress. */
    void show(String text);

    /** Removes what {@link #show} left on screen, before other output or at the end. */
    default void clear() {}

    /** An updating console line when Maven runs interactively on a console, else a throttled log line. */
    static ProgressDisplay of(boolean interactiveConsole, Log log) {
        return interactiveConsole
                ? new ConsoleProgress(System.console().writer())
                : new BatchProgress(log, System::nanoTime);
    }
}
