package io.cloudist.core.coordinate;

import io.cloudist.core.provision.WorkerHandle;
import java.util.List;
import java.util.Objects;

/**
 * How the coordinator replaces lost workers: at most {@code max} replacements over the whole run (like pytest-xdist's
 * {@code --max-worker-restart}), each started by {@code supply}.
 *
 * @param max how many lost workers may be replaced in one run; 0 for none
 * @param supply starts new workers for the run
 */
public record Replacements(int max, Supply supply) {
    /** No replacements: a lost worker's tasks go to the workers that are left. */
    public static final Replacements NONE = new Replacements(0, n -> List.of());

    public Replacements {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative: " + max);
        }
        Objects.requireNonNull(supply, "supply");
    }

    /** Starts workers for the run, returning at once while they boot. */
    @FunctionalInterface
    public interface Supply {
        List<WorkerHandle> start(int workers);
    }
}
