package io.cloudist.core.provision;

import io.cloudist.core.RunListener;
import io.cloudist.core.cloud.CloudSettings;
import io.cloudist.core.store.Store;
import java.nio.file.Path;
import java.util.List;

/**
 * Makes provisioners for one backend (e.g. {@code ec2}). Found with {@link java.util.ServiceLoader}, so that core
 * needs no cloud SDK; cloudist-aws registers one in
 * {@code META-INF/services/io.cloudist.core.provision.ProvisionerProvider}.
 */
public interface ProvisionerProvider {
    /** The {@code cloudist.backend} value this provider serves. */
    String backend();

    /**
     * @param store the run's store, through which workers are claimed and boot
     * @param listener where to say what is launched (types, counts, prices)
     * @throws io.cloudist.core.ConfigurationException for settings that cannot work, with the fix
     */
    Provisioner open(CloudSettings settings, Store store, RunListener listener);

    /**
     * Builds and pushes, when missing, the runtime image that this backend's workers would boot from for these
     * classpaths ({@code cloudist:image}); a backend without images says so.
     *
     * @throws io.cloudist.core.ConfigurationException when the backend builds no image
     */
    default void prepareImage(
            CloudSettings settings, List<Path> workerClasspath, List<Path> testClasspath, RunListener listener) {
        throw new io.cloudist.core.ConfigurationException(
                io.cloudist.core.CloudistParameters.BACKEND,
                backend(),
                "cloudist:image builds the runtime image of cloud workers: use -Dcloudist.backend=ec2");
    }

    /** The store runs use when {@code cloudist.store} is not set, e.g. the bucket that setup made; "" for none. */
    default String defaultStore(CloudSettings settings) {
        return "";
    }
}
