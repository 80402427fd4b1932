package io.cloudist.core.plan;

import java.util.Locale;

/** What one schedulable unit is: a whole top-level test class, or one test method (or template, or factory). */
public enum Granularity {
    CLASS,
    METHOD;

    /** Parses {@code class} or {@code method}, case-insensitively; null when the value is neither. */
    public static Granularity parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "class" -> CLASS;
            case "method" -> METHOD;
            default -> null;
        };
    }
}
