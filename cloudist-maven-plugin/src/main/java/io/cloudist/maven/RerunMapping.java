package io.cloudist.maven;

import static io.cloudist.core.CloudistParameters.FAIL_ON_FLAKE_COUNT;
import static io.cloudist.core.CloudistParameters.RERUN_FAILING_TESTS_COUNT;

import io.cloudist.core.ConfigurationException;

/**
 * Surefire's flaky-test parameters, checked as Surefire checks them.
 *
 * @param rerunFailingTestsCount how many times a failed test runs again; 0 for never
 * @param failOnFlakeCount fail the build at this many flakes; 0 for never
 */
record RerunMapping(int rerunFailingTestsCount, int failOnFlakeCount) {

    /**
     * @throws ConfigurationException for a negative or non-numeric value, or a {@code failOnFlakeCount} without
     *     reruns (no test could ever be a flake)
     */
    static RerunMapping of(ParameterSources sources) {
        int reruns = sources.wholeNumber(RERUN_FAILING_TESTS_COUNT, 0);
        int failOnFlakes = sources.wholeNumber(FAIL_ON_FLAKE_COUNT, 0);
        if (failOnFlakes > 0 && reruns < 1) {
            throw new ConfigurationException(
                    FAIL_ON_FLAKE_COUNT,
                    String.valueOf(failOnFlakes),
                    "it requires rerunFailingTestsCount to be at least 1: set "
                            + RERUN_FAILING_TESTS_COUNT.displayName() + " to 1 or more, or failOnFlakeCount to 0");
        }
        return new RerunMapping(reruns, failOnFlakes);
    }
}
