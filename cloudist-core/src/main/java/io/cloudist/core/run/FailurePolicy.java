package io.cloudist.core.run;

import io.cloudist.core.CloudistProperties;
import io.cloudist.core.ConfigurationException;

/**
 * When a run fails for want of tests, and what it does about failing tests, in Surefire's terms. Start from
 * {@link #DEFAULT} and name what differs with the {@code with} methods.
 *
 * @param failIfNoTests fail when no test is found at all (Surefire's {@code failIfNoTests})
 * @param failIfNoSpecifiedTests fail when {@code test} matches nothing (Surefire's {@code failIfNoSpecifiedTests})
 * @param rerunFailingTestsCount how many times a worker runs a failed test again (Surefire's
 *     {@code rerunFailingTestsCount}); 0 for never
 * @param skipAfterFailureCount Surefire's {@code skipAfterFailureCount}: after this many failed tests, the tests not
 *     handed to a worker yet are skipped; 0 for never
 */
public record FailurePolicy(
        boolean failIfNoTests, boolean failIfNoSpecifiedTests, int rerunFailingTestsCount, int skipAfterFailureCount) {
    /** Surefire's defaults: no reruns, no skipping, a failure only when {@code test} matches nothing. */
    public static final FailurePolicy DEFAULT = new FailurePolicy(false, true, 0, 0);

    public FailurePolicy {
        if (rerunFailingTestsCount < 0) {
            throw new ConfigurationException(
                    CloudistProperties.RERUN_FAILING_TESTS_COUNT,
                    String.valueOf(rerunFailingTestsCount),
                    "set it to 0 for no reruns, or to the number of reruns of a failed test");
        }
        if (skipAfterFailureCount < 0) {
            throw new ConfigurationException(
                    "surefire.skipAfterFailureCount",
                    String.valueOf(skipAfterFailureCount),
                    "set it to 0 to run every test, or to the number of failed tests after which to skip the rest");
        }
    }

    public FailurePolicy withFailIfNoTests(boolean value) {
        return new FailurePolicy(value, failIfNoSpecifiedTests, rerunFailingTestsCount, skipAfterFailureCount);
    }

    public FailurePolicy withFailIfNoSpecifiedTests(boolean value) {
        return new FailurePolicy(failIfNoTests, value, rerunFailingTestsCount, skipAfterFailureCount);
    }

    public FailurePolicy withRerunFailingTestsCount(int value) {
        return new FailurePolicy(failIfNoTests, failIfNoSpecifiedTests, value, skipAfterFailureCount);
    }

    public FailurePolicy withSkipAfterFailureCount(int value) {
        return new FailurePolicy(failIfNoTests, failIfNoSpecifiedTests, rerunFailingTestsCount, value);
    }
}
