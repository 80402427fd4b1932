package io.cloudist.core.provision;

import io.cloudist.core.RunListener;
import io.cloudist.core.cloud.CloudSettings;

/**
 * The account-level chores of a backend: {@code cloudist:setup} and {@code cloudist:cleanup}. Found with
 * {@link java.util.ServiceLoader} like {@link ProvisionerProvider}.
 */
public interface CloudAdmin {
    /** The {@code cloudist.backend} value this admin serves. */
    String backend();

    /** Creates what runs need (bucket, role, security group), idempotently; says what it created or found. */
    void setup(CloudSettings settings, String store, RunListener listener);

    /**
     * As {@link #setup(CloudSettings, String, RunListener)}; with {@code fix}, also repairs what it finds weaker than
     * it would make it (a backend with nothing to repair ignores it).
     */
    default void setup(CloudSettings settings, String store, boolean fix, RunListener listener) {
        setup(settings, store, listener);
    }

    /** Terminates every cloudist instance in the region; with {@code deleteRunData}, deletes run data too. */
    void cleanup(CloudSettings settings, String store, boolean deleteRunData, RunListener listener);
}
