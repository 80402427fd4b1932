package io.cloudist.core.report;

import io.cloudist.core.model.Failure;
import io.cloudist.core.model.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one-line failure summary of Surefire's Results block, e.g. {@code BasicTest.fails:7 expected <1>} or {@code
 * BasicTest.errors:8 IllegalState boom}, computed from stack trace text.
 *
 * <p>It keeps the frames of the report class and of its superclasses (outermost first; a superclass's frame names its
 * class, {@code FileFilterTest.testCanRead:239->AbstractFilterTest.assertFiltering:50}, as Surefire's does), and
 * names the exception unless it is an assertion. The superclasses come from the test JVM with the failure; without
 * them only the report class's own frames are kept.
 */
final class SmartTrace {
    private SmartTrace() {}

    static String of(ReportName name, Status status, Failure failure) {
        String testClass = name.source();
        List<Frame> frames = topFrames(failure.stackTrace());
        List<Frame> inClass = new ArrayList<>();
        for (Frame frame : frames) {
            if (frame.className().equals(testClass)
                    || (failure.superclasses().contains(frame.className())
                            && !frame.className().startsWith("junit.framework."))) {
                inClass.add(0, frame);
            }
        }
        StringBuilder text = new StringBuilder(simpleName(testClass));
        if (inClass.isEmpty()) {
            if (!name.name().isEmpty()) {
                text.append('.').append(name.name());
            }
        } else {
            for (int i = 0; i < inClass.size(); i++) {
                Frame frame = inClass.get(i);
                boolean own = frame.className().equals(testClass);
                if (i == 0) {
                    text.append(own ? "." : ">");
                } else {
                    text.append("->");
                }
                if (!own) {
                    text.append(simpleName(frame.className())).append('.');
                }
                text.append(frame.method()).append(':').append(frame.line());
            }
        }
        String type = FailureText.type(failure);
        if (status != Status.FAILED && !isAssertion(type)) {
            boolean rootInClass = !frames.isEmpty() && frames.get(0).className().equals(testClass);
            text.append(rootInClass ? " " : " » ").append(shortExceptionName(type));
        }
        if (!failure.message().isEmpty()) {
            text.append(' ').append(failure.message());
        }
        return text.toString();
    }

    private static boolean isAssertion(String type) {
        return type.startsWith("org.opentest4j.")
                || type.equals("java.lang.AssertionError")
                || type.equals("junit.framework.AssertionFailedError")
                || type.equals("junit.framework.ComparisonFailure");
    }

    private static String shortExceptionName(String type) {
        String simple = simpleName(type);
        simple = simple.substring(simple.lastIndexOf('$') + 1);
        for (String suffix : List.of("Exception", "Error")) {
            if (simple.endsWith(suffix)) {
                return simple.substring(0, simple.length() - suffix.length());
            }
        }
        return simple;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** The frames of the outermost exception: the first run of {@code \tat} lines. */
    static List<Frame> topFrames(String stackTrace) {
        List<Frame> frames = new ArrayList<>();
        for (String line : stackTrace.split("\r?\n")) {
            if (line.startsWith("\tat ")) {
                Frame.parse(line.substring(4)).ifPresent(frames::add);
            } else if (!frames.isEmpty()) {
                break;
            }
        }
        return frames;
    }

    /** One {@code StackTraceElement} as printed: {@code [loader/][module@version/]class.method(file:line)}. */
    record Frame(String className, String method, int line) {
        static Optional<Frame> parse(String element) {
            int paren = element.indexOf('(');
            String qualified = paren < 0 ? element : element.substring(0, paren);
            qualified = qualified.substring(qualified.lastIndexOf('/') + 1);
            int dot = qualified.lastIndexOf('.');
            if (dot <= 0) {
                return Optional.empty();
            }
            String location = paren < 0 ? "" : element.substring(paren + 1);
            return Optional.of(
                    new Frame(qualified.substring(0, dot), qualified.substring(dot + 1), lineNumber(location)));
        }

        private static int lineNumber(String location) {
            if (location.startsWith("Native Method")) {
                return -2;
            }
            int colon = location.lastIndexOf(':');
            int close = location.lastIndexOf(')');
            String digits = colon < 0 ? "" : location.substring(colon + 1, close < 0 ? location.length() : close);
            try {
                return Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
