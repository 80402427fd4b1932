package io.cloudist.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time by which this agent will have made progress, kept in a file that the instance's boot script watches: an
 * agent past its deadline is taken to hang, and the instance powers off rather than bill for hours. Each step of the
 * agent sets the deadline it needs: a task gets a multiple of its expected time, a wait for work what the wait may
 * last. An agent without a deadline file (a local worker) keeps none.
 */
final class Deadline {
    private static final Logger LOG = LoggerFactory.getLogger(Deadline.class);
    /** How many times its expected time a task may take before its agent is taken to hang. */
    static final int TASK_MULTIPLE = 4;
    /** The least a task with a known expected time gets, on top of its test JVM's start. */
    static final Duration TASK_FLOOR = Duration.ofMinutes(30);
    /** What joining a run may take: fetching its classpath, starting the first test JVM. */
    static final Duration JOINING = Duration.ofMinutes(30);
    /** How long a wait for the next document may go without one poll of the store. */
    static final Duration WAITING = Duration.ofMinutes(10);
    /** A deadline this close to the one written is not written again: waits poll many times a second. */
    private static final long SLACK_SECONDS = 30;

    private final Path file;
    private final Clock clock;
    private final Duration outage;
    private long written = -1;

    /**
     * @param file where the boot script looks for it, null for none
     * @param outage how long the agent rides out an outage of the store, which every deadline allows for
     */
    Deadline(Path file, Clock clock, Duration outage) {
        this.file = file;
        this.clock = clock;
        this.outage = outage;
    }

    /** Progress is due within {@code time} (and the store's outage budget) from now. */
    void within(Duration time) {
        if (file == null) {
            return;
        }
        long due = clock.instant().plus(time).plus(outage).getEpochSecond();
        if (written >= 0 && Math.abs(due - written) < SLACK_SECONDS) {
            return;
        }
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, due + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written = due;
        } catch (IOException e) {
            // The watchdog then goes by the deadline written before, or by the instance's life: never lose the run.
            LOG.warn("Cannot write the agent's deadline to {}: {}", file, e.getMessage());
        }
    }

    /**
     * A task expected to take {@code expectedSeconds}: {@link #TASK_MULTIPLE} times that, at least {@link #TASK_FLOOR},
     * after its test JVM's start. A task whose time is unknown keeps no deadline but the instance's life.
     */
    void task(double expectedSeconds) {
        if (expectedSeconds <= 0) {
            clear();
            return;
        }
        Duration multiple = Duration.ofMillis((long) (expectedSeconds * 1000 * TASK_MULTIPLE));
        Duration bound = multiple.compareTo(TASK_FLOOR) > 0 ? multiple : TASK_FLOOR;
        within(bound.plusMillis(TaskRunner.STARTUP_ALLOWANCE_MILLIS));
    }

    /** No deadline: the agent is done, or its step has no bound but the instance's life. */
    void clear() {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
            written = -1;
        } catch (IOException e) {
            LOG.warn("Cannot delete the agent's deadline {}: {}", file, e.getMessage());
        }
    }
}
