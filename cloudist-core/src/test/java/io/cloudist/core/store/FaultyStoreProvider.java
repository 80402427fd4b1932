package io.cloudist.core.store;

import io.cloudist.core.cloud.CloudSettings;
import java.nio.file.Path;

/**
 * Opens {@code faulty:<directory>} stores ({@link FaultyStore#overDirectory}) in any process that has cloudist-core's
 * test classes on its classpath, e.g. worker agents that a test starts on a faulty store.
 */
public final class FaultyStoreProvider implements StoreProvider {
    @Override
    public boolean accepts(String location) {
        return location != null && location.startsWith(FaultyStore.SCHEME);
    }

    @Override
    public Store open(String location, CloudSettings settings) {
        return FaultyStore.overDirectory(Path.of(location.substring(FaultyStore.SCHEME.length())));
    }
}
