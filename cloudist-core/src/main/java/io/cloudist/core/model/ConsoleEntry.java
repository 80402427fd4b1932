package io.cloudist.core.model;

import java.util.Objects;

/**
 * One entry of a task's console transcript: where, among its results, a class started or a test printed something.
 * With the results, in their order, it tells the order in which Surefire would have shown them.
 *
 * @param at how many of the task's results came before this entry
 * @param kind what happened
 * @param uniqueId the class container that started, or the node that printed ("" for output outside any node)
 * @param text what was printed; empty for a start
 */
public record ConsoleEntry(int at, Kind kind, String uniqueId, String text) {
    public enum Kind {
        /** A class container started: Surefire's {@code Running <class>}. */
        START,
        /** Text on standard output. */
        OUT,
        /** Text on standard error. */
        ERR
    }

    public ConsoleEntry {
        Objects.requireNonNull(kind, "kind");
        uniqueId = Objects.requireNonNullElse(uniqueId, "");
        text = Objects.requireNonNullElse(text, "");
    }
}
