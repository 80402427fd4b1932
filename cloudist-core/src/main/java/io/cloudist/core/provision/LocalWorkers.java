package io.cloudist.core.provision;

import java.util.Locale;

/** How the local backend runs its worker agents. */
public enum LocalWorkers {
    /**
     * On threads of the coordinator's JVM (the build's), in a class loader of their own: a worker costs no JVM start,
     * only its test JVM's.
     */
    THREAD,
    /** Each in a JVM of its own, as on an EC2 instance. */
    PROCESS;

    /** Parses {@code thread} or {@code process}, case-insensitively; null when the value is neither. */
    public static LocalWorkers parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "thread" -> THREAD;
            case "process" -> PROCESS;
            default -> null;
        };
    }
}
