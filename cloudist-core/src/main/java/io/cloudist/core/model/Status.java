package io.cloudist.core.model;

/** The outcome of one test, in Surefire's terms. */
public enum Status {
    PASSED,
    /** An assertion failed ({@code <failure>} in the XML report). */
    FAILED,
    /** Anything else went wrong, including a lost test JVM ({@code <error>} in the XML report). */
    ERROR,
    /** Disabled, or aborted by a failed assumption ({@code <skipped>} in the XML report). */
    SKIPPED
}
