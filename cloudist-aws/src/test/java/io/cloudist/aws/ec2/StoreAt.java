package io.cloudist.aws.ec2;

import io.cloudist.core.store.ForwardingStore;
import io.cloudist.core.store.LocalDirectoryStore;
import io.cloudist.core.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * A store that says it is at {@code location} (an {@code s3://} URI, which the provisioner puts in user data) but
 * keeps its documents in a local directory: the warm pool's claims and offers.
 */
final class StoreAt extends ForwardingStore {
    private final String location;

    StoreAt(String location) {
        super(documents());
        this.location = location;
    }

    private static Store documents() {
        try {
            return new LocalDirectoryStore(Files.createTempDirectory("cloudist-store-at"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String location() {
        return location;
    }
}
