package io.cloudist.aws.ec2;

import io.cloudist.core.store.LocalDirectoryStore;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreWatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A store that says it is at {@code location} (an {@code s3://} URI, which the provisioner puts in user data) but
 * keeps its documents in a local directory: the warm pool's claims and offers.
 */
final class StoreAt implements Store {
    private final String location;
    private final Store documents;

    StoreAt(String location) {
        this.location = location;
        try {
            this.documents = new LocalDirectoryStore(Files.createTempDirectory("cloudist-store-at"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public void put(String key, byte[] data) {
        documents.put(key, data);
    }

    @Override
    public void putFile(String key, Path file) {
        documents.putFile(key, file);
    }

    @Override
    public boolean putIfAbsent(String key, byte[] data) {
        return documents.putIfAbsent(key, data);
    }

    @Override
    public Optional<byte[]> get(String key) {
        return documents.get(key);
    }

    @Override
    public boolean getFile(String key, Path target) {
        return documents.getFile(key, target);
    }

    @Override
    public boolean exists(String key) {
        return documents.exists(key);
    }

    @Override
    public List<String> list(String prefix) {
        return documents.list(prefix);
    }

    @Override
    public Map<String, String> versions(String prefix) {
        return documents.versions(prefix);
    }

    @Override
    public StoreWatch watch(String prefix) {
        return documents.watch(prefix);
    }

    @Override
    public void delete(String key) {
        documents.delete(key);
    }
}
