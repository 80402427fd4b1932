package io.cloudist.core.store;

import io.cloudist.core.CloudistParameters;
import io.cloudist.core.ConfigurationException;
import io.cloudist.core.cloud.CloudSettings;
import java.nio.file.Path;
import java.util.ServiceLoader;

/** Opens a {@link Store} from its location string, the same way on the coordinator and on workers. */
public final class Stores {
    private Stores() {}

    /**
     * @param location a directory path or {@code file:} URI; empty means {@code defaultDirectory}
     * @param defaultDirectory the local store used when no location is given
     */
    public static Store open(String location, Path defaultDirectory) {
        return open(location, defaultDirectory, CloudSettings.local());
    }

    /**
     * @param location a directory path, a {@code file:} URI or a URI a {@link StoreProvider} accepts (such as
     *     {@code s3://bucket/prefix}); empty means {@code defaultDirectory}
     * @param settings region and profile for cloud stores
     */
    public static Store open(String location, Path defaultDirectory, CloudSettings settings) {
        if (location == null || location.isBlank()) {
            return new LocalDirectoryStore(defaultDirectory);
        }
        if (location.startsWith("file:")) {
            return new LocalDirectoryStore(Path.of(java.net.URI.create(location)));
        }
        // A scheme of two or more letters (not a drive letter): a provider's, if one takes it; never a directory.
        if (StoreLocations.isUri(location)) {
            for (StoreProvider provider : ServiceLoader.load(StoreProvider.class, extensions())) {
                if (provider.accepts(location)) {
                    return provider.open(location, settings);
                }
            }
            StoreLocations.check(location);
            throw new ConfigurationException(
                    CloudistParameters.STORE,
                    location,
                    "use a local directory or an s3:// URI (s3:// needs cloudist-aws on the classpath)");
        }
        return new LocalDirectoryStore(Path.of(location));
    }

    /**
     * Where providers of stores and backends are looked for: the thread's context class loader (a plugin puts cloud
     * modules there, loaded only for runs that need them), else the class loader of core.
     */
    public static ClassLoader extensions() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Stores.class.getClassLoader();
    }
}
