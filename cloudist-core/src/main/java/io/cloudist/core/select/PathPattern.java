package io.cloudist.core.select;

import java.util.ArrayList;
import java.util.List;

/**
 * Surefire's (plexus) path matching of a class file path such as {@code pkg/sub/FooTest.class}: {@code **} matches
 * any number of directories, {@code *} any characters within one name, {@code ?} exactly one character. Case-sensitive.
 */
final class PathPattern {
    private PathPattern() {}

    static boolean matches(String pattern, String path) {
        if (pattern.startsWith("/") != path.startsWith("/")) {
            return false;
        }
        return matchTokens(tokens(pattern), 0, tokens(path), 0);
    }

    /** Glob match of one name: {@code *} is any run of characters, {@code ?} one character. */
    static boolean matchesName(String pattern, String name) {
        int p = 0;
        int n = 0;
        int starAt = -1;
        int starMatched = 0;
        while (n < name.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == name.charAt(n))) {
                p++;
                n++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                starAt = p++;
                starMatched = n;
            } else if (starAt >= 0) {
                p = starAt + 1;
                n = ++starMatched;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static boolean matchTokens(List<String> pattern, int p, List<String> path, int s) {
        if (p == pattern.size()) {
            return s == path.size();
        }
        if (pattern.get(p).equals("**")) {
            for (int skip = s; skip <= path.size(); skip++) {
                if (matchTokens(pattern, p + 1, path, skip)) {
                    return true;
                }
            }
            return false;
        }
        return s < path.size() && matchesName(pattern.get(p), path.get(s)) && matchTokens(pattern, p + 1, path, s + 1);
    }

    private static List<String> tokens(String path) {
        List<String> tokens = new ArrayList<>();
        for (String token : path.split("/")) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }
}
