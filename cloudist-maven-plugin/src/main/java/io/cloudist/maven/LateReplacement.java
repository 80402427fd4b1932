package io.cloudist.maven;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Surefire's late replacement of {@code @{property}} in {@code argLine}, done just before the test JVMs start. */
final class LateReplacement {
    private static final Pattern LATE_PROPERTY = Pattern.compile("@\\{([^}]+)}");

    private LateReplacement() {}

    /**
     * Replaces each {@code @{name}} whose property is known, leaves unknown ones as they are, and turns line breaks
     * into spaces.
     *
     * @param properties the project's properties overlaid with the user properties
     */
    static String replace(String argLine, Map<String, String> properties) {
        Matcher matcher = LATE_PROPERTY.matcher(argLine);
        StringBuilder replaced = new StringBuilder();
        while (matcher.find()) {
            String value = properties.get(matcher.group(1));
            matcher.appendReplacement(replaced, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        matcher.appendTail(replaced);
        return replaced.toString()
                .replace("\r\n", " ")
                .replace('\n', ' ')
                .replace('\r', ' ')
                .trim();
    }
}
