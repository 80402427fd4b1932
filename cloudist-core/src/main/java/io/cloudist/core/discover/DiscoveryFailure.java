package io.cloudist.core.discover;

import io.cloudist.core.CloudistException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failed discovery as one paragraph: the engine that failed, the root cause, and what to do. The test JVM's stack
 * trace is the exception's cause, which Maven shows with {@code -X}.
 */
final class DiscoveryFailure {
    private static final Pattern ENGINE = Pattern.compile("TestEngine with ID '([^']+)'");
    private static final Map<String, String> ENGINES = Map.of(
            "junit-jupiter", "JUnit Jupiter",
            "junit-vintage", "JUnit Vintage",
            "junit-platform-suite", "JUnit Platform Suite",
            "testng", "TestNG");

    private DiscoveryFailure() {}

    /**
     * @param message the test JVM's exception as {@code toString()} gives it
     * @param stackTrace its {@code printStackTrace}, causes included
     * @param log the discovery JVM's log
     */
    static CloudistException of(String message, String stackTrace, Path log) {
        Matcher engine = ENGINE.matcher(message + "\n" + stackTrace);
        String failed = engine.find()
                ? "Test discovery failed in the " + ENGINES.getOrDefault(engine.group(1), engine.group(1)) + " engine ("
                        + engine.group(1) + "): "
                : "Test discovery failed: ";
        return new CloudistException(
                failed + rootCause(message, stackTrace) + ". The engines and JUnit versions on the"
                        + " test classpath must fit together: check them with mvn dependency:tree, and fix the project's test"
                        + " dependencies (run with -X for the test JVM's stack trace; its output is in " + log + ").",
                new CloudistException("The test JVM's stack trace:\n" + stackTrace));
    }

    /** The message of the innermost {@code Caused by:}, without its type; else the exception's own. */
    static String rootCause(String message, String stackTrace) {
        String root = message;
        for (String line : stackTrace.split("\r?\n")) {
            if (line.startsWith("Caused by: ")) {
                root = line.substring("Caused by: ".length());
            }
        }
        int colon = root.indexOf(": ");
        String text = colon > 0 && !root.substring(0, colon).contains(" ") ? root.substring(colon + 2) : root;
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
