package io.cloudist.core.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What a {@link FaultyStore} does to the calls it passes on. A test may change the plan at any time; across processes
 * it travels as a small JSON file ({@link #write}, {@link #watch}).
 *
 * @param failureRate the share of calls that fail with {@link StoreUnavailableException} (0 to 1), as a 5xx or a
 *     throttling answer would; half of them fail after the call reached the store (the answer was lost)
 * @param latencyMillis added to every call
 * @param outageUntilMillis until this wall-clock time, every call fails ({@link System#currentTimeMillis()})
 */
public record FaultPlan(double failureRate, long latencyMillis, long outageUntilMillis) {
    /** No faults. */
    public static final FaultPlan NONE = new FaultPlan(0, 0, 0);

    /** The plan file in the directory of a {@code faulty:<directory>} store. */
    public static final String FILE = "faults.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long REREAD_MILLIS = 100;

    public FaultPlan {
        if (failureRate < 0 || failureRate > 1 || latencyMillis < 0) {
            throw new IllegalArgumentException("Not a fault plan: " + failureRate + ", " + latencyMillis);
        }
    }

    /** Every call fails from now for {@code duration}; then this plan's other faults apply. */
    public FaultPlan withOutageFor(Duration duration) {
        return new FaultPlan(failureRate, latencyMillis, System.currentTimeMillis() + duration.toMillis());
    }

    public FaultPlan withFailureRate(double rate) {
        return new FaultPlan(rate, latencyMillis, outageUntilMillis);
    }

    public FaultPlan withLatency(Duration latency) {
        return new FaultPlan(failureRate, latency.toMillis(), outageUntilMillis);
    }

    boolean outageAt(long nowMillis) {
        return nowMillis < outageUntilMillis;
    }

    /** Writes {@code plan} to {@code directory}/{@value #FILE} atomically, for every process that watches it. */
    public static void write(Path directory, FaultPlan plan) {
        try {
            Path tmp = Files.createTempFile(directory, "faults", ".tmp");
            JSON.writeValue(tmp.toFile(), plan);
            try {
                Files.move(
                        tmp,
                        directory.resolve(FILE),
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, directory.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The plan in {@code directory}/{@value #FILE}, read again at most every 100 ms; {@link #NONE} without one. */
    public static Supplier<FaultPlan> watch(Path directory) {
        Path file = directory.resolve(FILE);
        return new Supplier<>() {
            private FaultPlan plan = NONE;
            private long readAt;

            @Override
            public synchronized FaultPlan get() {
                long now = System.currentTimeMillis();
                if (now - readAt >= REREAD_MILLIS) {
                    readAt = now;
                    try {
                        plan = JSON.readValue(Files.readAllBytes(file), FaultPlan.class);
                    } catch (NoSuchFileException e) {
                        plan = NONE;
                    } catch (IOException e) {
                        throw new UncheckedIOException("Unreadable fault plan " + file, e);
                    }
                }
                return plan;
            }
        };
    }
}
