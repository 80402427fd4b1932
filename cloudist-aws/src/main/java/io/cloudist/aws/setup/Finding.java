package io.cloudist.aws.setup;

/**
 * What setup found, made or repaired of one thing: a line {@code <subject>: <result>}, a warning when the thing stays
 * weaker than setup would make it.
 */
record Finding(String text, boolean weak) {
    static Finding of(String subject, String result) {
        return new Finding(subject + ": " + result, false);
    }

    /** A warning, {@code <subject>: <what is weaker and how to repair it>}. */
    static Finding weak(String text) {
        return new Finding(text, true);
    }
}
