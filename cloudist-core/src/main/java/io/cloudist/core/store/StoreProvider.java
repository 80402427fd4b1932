package io.cloudist.core.store;

import io.cloudist.core.cloud.CloudSettings;

/**
 * Opens stores of one kind of location (e.g. {@code s3://}). Implementations are found with
 * {@link java.util.ServiceLoader}, so that core needs no cloud SDK: a module such as cloudist-aws registers one in
 * {@code META-INF/services/io.cloudist.core.store.StoreProvider}.
 */
public interface StoreProvider {
    /** True when this provider opens {@code location}. */
    boolean accepts(String location);

    /**
     * Opens the store.
     *
     * @param settings the run's region and profile ({@link CloudSettings#local()} on a worker: the SDK's defaults)
     *
     * @throws io.cloudist.core.ConfigurationException when the location cannot be used (bucket missing, wrong
     *     region, no permission), with the fix
     */
    Store open(String location, CloudSettings settings);
}
