package io.cloudist.core.coordinate;

import java.time.Duration;

/**
 * Timing knobs of the coordinator.
 *
 * @param poll how often results and workers are checked
 * @param heartbeatTimeout how long a worker may stay silent (after its first heartbeat) before it counts as lost
 * @param bootTimeout how long a worker may take to write its first heartbeat
 * @param maxAttempts how many workers a task may take down before its tests become errors
 */
public record CoordinatorSettings(Duration poll, Duration heartbeatTimeout, Duration bootTimeout, int maxAttempts) {
    public static final CoordinatorSettings LOCAL =
            new CoordinatorSettings(Duration.ofMillis(20), Duration.ofSeconds(60), Duration.ofMinutes(2), 2);
}
