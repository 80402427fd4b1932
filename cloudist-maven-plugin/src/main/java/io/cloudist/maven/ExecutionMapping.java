package io.cloudist.maven;

import static io.cloudist.core.CloudistParameters.REUSE_FORKS;
import static io.cloudist.core.CloudistParameters.TEST_TIMEOUT;
import static io.cloudist.core.CloudistParameters.WORKERS;

import io.cloudist.core.ConfigurationException;
import io.cloudist.core.plan.RunOrder;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the tests execute: cloudist's own parameters, with Surefire's fork parameters as their defaults
 * ({@code forkCount} for {@code workers}, {@code reuseForks}, {@code forkedProcessTimeoutInSeconds} for
 * {@code testTimeout}), and Surefire's {@code runOrder} and {@code skipAfterFailureCount}.
 *
 * @param reuseForks whether a worker's test JVM runs task after task
 * @param testTimeout how long a test JVM may spend on one task
 * @param runOrder the order of test classes that timing does not tell apart
 * @param skipAfterFailureCount failed tests after which the rest are skipped; 0 for never
 */
record ExecutionMapping(boolean reuseForks, Duration testTimeout, RunOrder runOrder, int skipAfterFailureCount) {
    static final String FORK_COUNT = "forkCount";
    static final String RUN_ORDER = "surefire.runOrder";
    static final String RUN_ORDER_SEED = "surefire.runOrder.random.seed";
    static final String SKIP_AFTER_FAILURE_COUNT = "surefire.skipAfterFailureCount";
    static final String FORKED_PROCESS_TIMEOUT = "surefire.timeout";

    /**
     * The workers the build asks for: {@code workers}, else Surefire's {@code forkCount}; empty when it sets neither,
     * for {@link io.cloudist.core.run.Scheduling}'s default.
     */
    static OptionalInt requestedWorkers(ParameterSources sources, int availableProcessors) {
        Optional<String> forkCount =
                sources.surefireValue("forkCount", FORK_COUNT).filter(v -> !v.isBlank());
        boolean workersSet = sources.value(WORKERS).filter(v -> !v.isBlank()).isPresent();
        if (forkCount.isEmpty() && !workersSet) {
            return OptionalInt.empty();
        }
        String defaultWorkers = forkCount
                .map(v -> String.valueOf(workers(v, availableProcessors)))
                .orElse("");
        return OptionalInt.of(sources.wholeNumber(WORKERS, defaultWorkers, 1));
    }

    static ExecutionMapping of(ParameterSources sources) {
        String reuse = sources.cloudistValue(REUSE_FORKS)
                .or(() -> sources.surefireValue("reuseForks", "reuseForks"))
                .orElse(REUSE_FORKS.valueWhenUnset());
        boolean reuseForks = RunRequestMapper.flag(reuse, REUSE_FORKS.property(), true);
        String defaultTimeout = sources.surefireValue("forkedProcessTimeoutInSeconds", FORKED_PROCESS_TIMEOUT)
                .filter(v -> !v.isBlank())
                .orElse(TEST_TIMEOUT.valueWhenUnset());
        int timeout = sources.wholeNumber(TEST_TIMEOUT, defaultTimeout, 0);
        long seed = sources.surefireValue("runOrderRandomSeed", RUN_ORDER_SEED)
                .filter(v -> !v.isBlank())
                .map(v -> parseLong(v, RUN_ORDER_SEED))
                .orElseGet(() -> ThreadLocalRandom.current().nextLong());
        RunOrder runOrder =
                RunOrder.parse(sources.surefireValue("runOrder", RUN_ORDER).orElse("filesystem"), seed, RUN_ORDER);
        int skipAfter = sources.surefireValue("skipAfterFailureCount", SKIP_AFTER_FAILURE_COUNT)
                .filter(v -> !v.isBlank())
                .map(v -> wholeNumber(v, SKIP_AFTER_FAILURE_COUNT))
                .orElse(0);
        return new ExecutionMapping(reuseForks, Duration.ofSeconds(timeout), runOrder, skipAfter);
    }

    /**
     * Surefire's {@code forkCount}: a number of JVMs, or with {@code C} a number per core ({@code 1.5C}); 0 (tests in
     * Maven's own JVM) is one worker, since cloudist always runs tests in test JVMs.
     */
    static int workers(String forkCount, int availableProcessors) {
        String value = forkCount.trim().toUpperCase(Locale.ROOT);
        try {
            if (value.endsWith("C")) {
                double perCore = Double.parseDouble(value.substring(0, value.length() - 1));
                return Math.max(1, (int) (perCore * availableProcessors));
            }
            return Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new ConfigurationException(
                    FORK_COUNT,
                    forkCount,
                    "set Surefire's forkCount to a whole number, or a number with C for per core (e.g. 1.5C)");
        }
    }

    private static int wholeNumber(String value, String property) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException(property, value, "set it to a whole number of 0 or more");
    }

    private static long parseLong(String value, String property) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigurationException(property, value, "set it to a whole number");
        }
    }
}
