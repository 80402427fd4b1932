package io.cloudist.core.coordinate;

import java.time.Duration;

/**
 * Timing knobs of the coordinator.
 *
 * @param poll how often the store is listed for changes when it does not tell of them (S3), up to four times as long
 *     while nothing finishes; a store that tells of changes (a local directory) wakes the coordinator instead
 * @param heartbeatTimeout how long a worker may stay silent (after its first heartbeat) before it counts as lost
 * @param bootTimeout how long a worker may take to write its first heartbeat
 * @param maxAttempts how many workers a task may take down before its tests become errors
 */
public record CoordinatorSettings(Duration poll, Duration heartbeatTimeout, Duration bootTimeout, int maxAttempts) {
    /** Local workers: a directory tells of changes (else it is listed this often); a worker boots in a second. */
    public static final CoordinatorSettings LOCAL =
            new CoordinatorSettings(Duration.ofMillis(20), Duration.ofSeconds(60), Duration.ofMinutes(2), 2);

    /** Cloud workers: each poll is a request, and an instance may take minutes to boot and install a JDK. */
    public static final CoordinatorSettings CLOUD =
            new CoordinatorSettings(Duration.ofMillis(200), Duration.ofSeconds(60), Duration.ofMinutes(10), 2);

    /**
     * How often a busy worker's changed heartbeat is read, for an eviction notice: a tenth of the timeout, at least
     * every poll. That it changed, which the store's listing shows, is what keeps a worker alive.
     */
    public Duration heartbeatReadInterval() {
        Duration tenth = heartbeatTimeout.dividedBy(10);
        return tenth.compareTo(poll) > 0 ? tenth : poll;
    }
}
