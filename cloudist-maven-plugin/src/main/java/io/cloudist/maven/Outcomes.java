package io.cloudist.maven;

import io.cloudist.core.report.Summary;
import io.cloudist.core.run.RunOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        Optional<Failure> failure = failure(outcome, failOnFlakeCount, failIfNoTests);
        if (failure.isEmpty()) {
            return;
        }
        if (testFailureIgnore && failure.get().ignorable()) {
            log.error(failure.get().message());
        } else {
            throw new MojoFailureException(failure.get().message());
        }
    }

    /**
     * Why a finished run fails the build, in Surefire's words; empty when it passes.
     *
     * @param failOnFlakeCount also fail when there are at least this many flakes; 0 for never
     */
    static Optional<Failure> failure(RunOutcome outcome, int failOnFlakeCount, boolean failIfNoTests) {
        Summary summary = outcome.summary();
        boolean tooFlaky = failOnFlakeCount > 0 && summary.flakes() >= failOnFlakeCount;
        if (!summary.hasFailures() && !tooFlaky) {
            return summary.tests() == 0 && failIfNoTests
                    ? Optional.of(new Failure(NO_TESTS_EXECUTED, false))
                    : Optional.empty();
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
        return Optional.of(new Failure(message, true));
    }

    /**
     * Why a run fails the build.
     *
     * @param message what Maven prints, in Surefire's words
     * @param ignorable whether {@code testFailureIgnore} turns it into an error line that lets the build pass (test
     *     failures and flakes do; "no tests" does not)
     */
    record Failure(String message, boolean ignorable) {}
}
