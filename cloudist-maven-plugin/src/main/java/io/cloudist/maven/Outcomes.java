package io.cloudist.maven;

import io.cloudist.core.RunOutcome;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/** Maps a finished run to the build's result, in Surefire's words. */
final class Outcomes {
    static final String NO_TESTS_EXECUTED =
            "No tests were executed!  (Set -DfailIfNoTests=false to ignore this error.)";

    private Outcomes() {}

    /**
     * Nothing to run: Surefire's "No tests to run." (after the mapping's warning, if any).
     *
     * @throws MojoFailureException when {@code failIfNoTests} is set
     */
    static void noTests(Mapping.NoTests noTests, Log log) throws MojoFailureException {
        if (!noTests.warning().isEmpty()) {
            log.warn(noTests.warning());
        }
        if (noTests.failBuild()) {
            throw new MojoFailureException("No tests to run!");
        }
        log.info("No tests to run.");
    }

    /**
     * @throws MojoFailureException on test failures or errors (unless {@code testFailureIgnore}, which logs the
     *     message as an error instead), or when no test ran and {@code failIfNoTests} is set
     */
    static void check(RunOutcome outcome, boolean testFailureIgnore, boolean failIfNoTests, Log log)
            throws MojoFailureException {
        if (outcome.summary().tests() == 0 && failIfNoTests) {
            throw new MojoFailureException(NO_TESTS_EXECUTED);
        }
        if (!outcome.summary().hasFailures()) {
            return;
        }
        String message = "There are test failures.\n\nSee " + outcome.reportsDirectory()
                + " for the individual test results.";
        if (testFailureIgnore) {
            log.error(message);
        } else {
            throw new MojoFailureException(message);
        }
    }
}
