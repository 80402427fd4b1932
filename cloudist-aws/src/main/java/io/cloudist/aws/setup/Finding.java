package io.cloudist.aws.setup;

/**
 * What setup found, made or repaired of one thing: a line {@code <subject>: <result>}, a warning when the thing stays
 * weaker than setup would make it.
 */
record Finding(String subject, String result, boolean weak) {
    static Finding of(String subject, String result) {
        return new Finding(subject, result, false);
    }

    static Finding weak(String subject, String result) {
        return new Finding(subject, result, true);
    }
}
