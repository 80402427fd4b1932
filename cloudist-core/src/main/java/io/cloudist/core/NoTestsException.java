package io.cloudist.core;

/**
 * A run found no test to execute while {@code failIfNoTests} or {@code failIfNoSpecifiedTests} asks for the build to
 * fail, worded as Surefire words it. A build failure, like a test failure, rather than a configuration error.
 */
public final class NoTestsException extends CloudistException {
    private NoTestsException(String message) {
        super(message);
    }

    /** No test at all, with {@code failIfNoTests} set. */
    public static NoTestsException none() {
        return new NoTestsException("No tests were executed!  (Set " + CloudistParameters.FAIL_IF_NO_TESTS.option()
                + "=false to ignore this error.)");
    }

    /** The {@code test} parameter matched no test, with {@code failIfNoSpecifiedTests} set (its default). */
    public static NoTestsException noneMatching(String pattern) {
        return new NoTestsException("No tests matching pattern \"" + pattern + "\" were executed! (Set "
                + CloudistParameters.FAIL_IF_NO_SPECIFIED_TESTS.option() + "=false to ignore this error.)");
    }
}
