package io.cloudist.core.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A flat key-value store of byte blobs: the only channel between the coordinator and its workers. Keys are
 * {@code /}-separated relative paths (see {@link StoreKeys}). Implementations: a local directory, S3.
 * Writes of one key are atomic: a reader sees the whole old value, the whole new value, or nothing.
 */
public interface Store extends AutoCloseable {

    /** Writes {@code data} at {@code key}, replacing what was there. */
    void put(String key, byte[] data);

    /** Writes the content of {@code file} at {@code key}, replacing what was there. */
    void putFile(String key, Path file);

    /** Writes {@code data} at {@code key} unless the key exists; true when this call created it. */
    boolean putIfAbsent(String key, byte[] data);

    /** The value at {@code key}, or empty when there is none. */
    Optional<byte[]> get(String key);

    /** Copies the value at {@code key} to {@code target} (replacing it); false when there is none. */
    boolean getFile(String key, Path target);

    /** True when {@code key} has a value. */
    boolean exists(String key);

    /**
     * The SHA-256 (lower-case hex) of the value at {@code key}, as the store knows it without reading the value
     * back to the caller: from a checksum the store computed or checked when the value was written, or from the value
     * itself when reading it is cheap (a local directory). Empty when the key is missing or the store cannot tell: a
     * caller must then take the value as unknown, not as matching. A shipper uses it to replace a blob whose bytes no
     * longer match its key.
     */
    default Optional<String> sha256(String key) {
        return Optional.empty();
    }

    /** Keys that start with {@code prefix}, sorted. */
    List<String> list(String prefix);

    /**
     * The keys that start with {@code prefix}, sorted, each with its version: a string that changes whenever the key's
     * value changes (it may also change when the value is written again unchanged). A reader compares versions to
     * read again only what changed. Stores list them as cheaply as they can: S3 in one LIST request per 1,000 keys
     * (the ETag, size and time of each object), a directory from its files' attributes. This default reads every
     * value and takes its hash as its version: correct, but a read per key.
     */
    default Map<String, String> versions(String prefix) {
        Map<String, String> versions = new TreeMap<>();
        for (String key : list(prefix)) {
            get(key).ifPresent(value -> versions.put(key, Versions.ofContent(value)));
        }
        return versions;
    }

    /**
     * Watches the keys under {@code prefix} ({@link #versions}) for the coordinator, which reads a document again only
     * when its version changed. A local directory is told of changes by the file system as they happen; this default
     * lists the prefix each time it is asked ({@link StoreWatch#next}).
     */
    default StoreWatch watch(String prefix) {
        return new ListingWatch(this, prefix);
    }

    /** Removes {@code key}; nothing happens when it is absent. */
    void delete(String key);

    /** Where this store is, for messages and for workers to open the same store (e.g. a path or s3:// URI). */
    String location();

    /**
     * What this store has sent and received so far, for the end-of-run summary (e.g. requests by kind and bytes);
     * "" when there is nothing worth saying (a local directory).
     */
    default String usage() {
        return "";
    }

    @Override
    default void close() {}
}
