package io.cloudist.core.run;

import io.cloudist.core.CloudistProperties;
import io.cloudist.core.ConfigurationException;
import java.time.Duration;
import java.util.Objects;

/**
 * How a worker uses its test JVMs (Surefire's forks).
 *
 * @param reuseForks true: a worker's test JVM runs task after task; false: a fresh JVM for each test class
 * @param testTimeout how long one test JVM may run one task before it is killed; {@link Duration#ZERO} for none
 */
public record Forks(boolean reuseForks, Duration testTimeout) {
    /** One reused test JVM per worker, without a timeout, as Surefire's defaults have it. */
    public static final Forks DEFAULT = new Forks(true, Duration.ZERO);

    public Forks {
        testTimeout = Objects.requireNonNullElse(testTimeout, Duration.ZERO);
        if (testTimeout.isNegative()) {
            throw new ConfigurationException(
                    CloudistProperties.TEST_TIMEOUT, testTimeout.toSeconds() + "", "use 0 for no timeout, or seconds");
        }
    }
}
