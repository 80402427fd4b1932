package io.cloudist.core.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A store that hands every request to another, for tests to override the few they watch or change. It forwards the
 * listing of versions and the watch as well, so that they cost what the wrapped store's cost; {@link #sha256},
 * {@link #usage} and {@link #close} keep the interface's defaults: a wrapper that vouches for hashes says so itself.
 */
public abstract class ForwardingStore implements Store {
    private final Store delegate;

    protected ForwardingStore(Store delegate) {
        this.delegate = delegate;
    }

    /** The store this one hands its requests to. */
    protected final Store delegate() {
        return delegate;
    }

    @Override
    public void put(String key, byte[] data) {
        delegate.put(key, data);
    }

    @Override
    public void putFile(String key, Path file) {
        delegate.putFile(key, file);
    }

    @Override
    public boolean putIfAbsent(String key, byte[] data) {
        return delegate.putIfAbsent(key, data);
    }

    @Override
    public Optional<byte[]> get(String key) {
        return delegate.get(key);
    }

    @Override
    public boolean getFile(String key, Path target) {
        return delegate.getFile(key, target);
    }

    @Override
    public boolean exists(String key) {
        return delegate.exists(key);
    }

    @Override
    public List<String> list(String prefix) {
        return delegate.list(prefix);
    }

    @Override
    public Map<String, String> versions(String prefix) {
        return delegate.versions(prefix);
    }

    @Override
    public StoreWatch watch(String prefix) {
        return delegate.watch(prefix);
    }

    @Override
    public void delete(String key) {
        delegate.delete(key);
    }

    @Override
    public String location() {
        return delegate.location();
    }
}
