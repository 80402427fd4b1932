package io.cloudist.core.jvm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which system properties and environment variables of the test JVMs look secret, by name or by value: such a value
 * is never written to the store, a report or a command line. Local workers still get them, as Surefire's forks do,
 * through a file only their user can read; workers elsewhere get only those the user allows by name.
 */
public final class Secrets {
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(token|password|passwd|passphrase|secret|credential|api[._-]?key|access[._-]?key|private[._-]?key"
                    + "|auth[._-]?key|session[._-]?key|signing[._-]?key|license[._-]?key|encryption[._-]?key).*");
    private static final List<Pattern> SECRET_VALUES = List.of(
            Pattern.compile("(A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA)[A-Z0-9]{16}"),
            Pattern.compile("(?s).*-----BEGIN [A-Z ]*PRIVATE KEY-----.*"),
            Pattern.compile("gh[pousr]_[A-Za-z0-9]{36,}"),
            Pattern.compile("github_pat_[A-Za-z0-9_]{40,}"),
            Pattern.compile("xox[abposr]-[A-Za-z0-9-]{10,}"),
            Pattern.compile("glpat-[A-Za-z0-9_-]{20,}"),
            Pattern.compile("sk-[A-Za-z0-9_-]{32,}"),
            Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"));

    private Secrets() {}

    /** A name such as {@code sonar.token}, {@code db.password}, {@code AWS_SECRET_ACCESS_KEY}, or a value shaped as a key. */
    public static boolean looksSecret(String name, String value) {
        if (SECRET_NAME.matcher(name).matches() || name.toUpperCase(Locale.ROOT).startsWith("AWS_")) {
            return true;
        }
        String trimmed = value == null ? "" : value.trim();
        return SECRET_VALUES.stream().anyMatch(p -> p.matcher(trimmed).matches());
    }

    /**
     * Values split into those that may be stored and those that may not.
     *
     * @param stored the values that are not secret, and the secret ones the user allowed by name
     * @param withheld the secret values the user did not allow
     */
    public record Split(Map<String, String> stored, Map<String, String> withheld) {
        public Split {
            stored = Map.copyOf(stored);
            withheld = Map.copyOf(withheld);
        }
    }

    /** @param allowed names whose values may be stored although they look secret */
    public static Split split(Map<String, String> values, Set<String> allowed) {
        Map<String, String> stored = new LinkedHashMap<>();
        Map<String, String> withheld = new LinkedHashMap<>();
        values.forEach((name, value) ->
                (looksSecret(name, value) && !allowed.contains(name) ? withheld : stored).put(name, value));
        return new Split(stored, withheld);
    }
}
