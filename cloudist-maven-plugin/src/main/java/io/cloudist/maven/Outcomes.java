package io.cloudist.maven;

import io.cloudist.core.report.Summary;
import io.cloudist.core.run.RunOutcome;
import java.util.ArrayList;
import java.util.List;
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
     * @param failOnFlakeCount also fail when there are at least this many flakes (tests that failed, then passed when
     *     run again); 0 for never
     * @throws MojoFailureException on test failures or errors, or too many flakes (unless {@code testFailureIgnore},
     *     which logs the message as an error instead), or when no test ran and {@code failIfNoTests} is set
     */
    static void check(
            RunOutcome outcome, boolean testFailureIgnore, int failOnFlakeCount, boolean failIfNoTests, Log log)
            throws MojoFailureException {
        Summary summary = outcome.summary();
        boolean tooFlaky = failOnFlakeCount > 0 && summary.flakes() >= failOnFlakeCount;
        if (!summary.hasFailures() && !tooFlaky) {
            if (summary.tests() == 0 && failIfNoTests) {
                throw new MojoFailureException(NO_TESTS_EXECUTED);
            }
            return;
        }
        List<String> reasons = new ArrayList<>();
        if (summary.hasFailures()) {
            reasons.add("There are test failures.");
        }
        if (tooFlaky) {
            int flakes = summary.flakes();
            reasons.add("There " + (flakes == 1 ? "is 1 flake" : "are " + flakes + " flakes")
                    + " and failOnFlakeCount is set to " + failOnFlakeCount + ".");
        }
        String message = String.join("\n", reasons) + "\n\nSee " + outcome.reportsDirectory()
                + " for the individual test results.";
        if (testFailureIgnore) {
            log.error(message);
        } else {
            throw new MojoFailureException(message);
        }
    }
}
