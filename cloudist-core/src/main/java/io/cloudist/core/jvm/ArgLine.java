package io.cloudist.core.jvm;

import java.util.ArrayList;
import java.util.List;

/** Splits an argLine into JVM arguments the way a shell would: whitespace separates, quotes group, {@code \} escapes. */
public final class ArgLine {
    private ArgLine() {}

    public static List<String> split(String argLine) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inToken = false;
        char quote = 0;
        for (int i = 0; i < argLine.length(); i++) {
            char c = argLine.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\'
                        && quote == '"'
                        && i + 1 < argLine.length()
                        && "\"\\".indexOf(argLine.charAt(i + 1)) >= 0) {
                    current.append(argLine.charAt(++i));
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inToken = true;
            } else if (Character.isWhitespace(c)) {
                if (inToken) {
                    args.add(current.toString());
                    current.setLength(0);
                    inToken = false;
                }
            } else if (c == '\\' && i + 1 < argLine.length() && !Character.isLetterOrDigit(argLine.charAt(i + 1))) {
                current.append(argLine.charAt(++i));
                inToken = true;
            } else {
                current.append(c);
                inToken = true;
            }
        }
        if (inToken) {
            args.add(current.toString());
        }
        return args;
    }
}
