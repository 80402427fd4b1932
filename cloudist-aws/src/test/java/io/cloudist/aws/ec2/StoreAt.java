package io.cloudist.aws.ec2;

import io.cloudist.core.store.Store;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A store known only by its location: the provisioner reads nothing else of it. */
record StoreAt(String location) implements Store {
    @Override
    public void put(String key, byte[] data) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void putFile(String key, Path file) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean putIfAbsent(String key, byte[] data) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<byte[]> get(String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean getFile(String key, Path target) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean exists(String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<String> list(String prefix) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void delete(String key) {
        throw new UnsupportedOperationException();
    }
}
