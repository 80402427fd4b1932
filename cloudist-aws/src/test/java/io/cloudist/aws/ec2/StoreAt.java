package io.cloudist.aws.ec2;

import io.cloudist.core.store.ForwardingStore;
import io.cloudist.core.store.LocalDirectoryStore;
import java.nio.file.Path;

/**
 * A store that says it is at {@code location} (an {@code s3://} URI, which the provisioner puts in user data) but
 * keeps its documents in a local directory, the test's own: the warm pool's claims and offers.
 */
final class StoreAt extends ForwardingStore {
    private final String location;

    StoreAt(String location, Path documents) {
        super(new LocalDirectoryStore(documents));
        this.location = location;
    }

    @Override
    public String location() {
        return location;
    }
}
