package io.cloudist.maven;

/** Where progress goes: one updating console line, or a log line now and then. */
interface ProgressDisplay {
    /** Shows the current progress. */
    void show(String text);

    /** Removes what {@link #show} left on screen, before other output or at the end. */
    default void clear() {}
}
