package io.cloudist.core.ship;

import com.fasterxml.jackson.core.type.TypeReference;
import io.cloudist.core.protocol.BlobRef;
import io.cloudist.core.protocol.Documents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which pack blob the project's files (or a class directory's) made the last time they had the same paths, sizes and
 * modification times, so that unchanged packs are neither read nor archived again. Only a shortcut on the
 * coordinator: the blob's key is still its content hash, which workers check. It keeps what the last shipment used,
 * so that the archives of files long since changed do not pile up.
 */
final class PackCache {
    static final String FILE = "packs.json";

    private final Map<String, BlobRef> packs;
    private final Map<String, BlobRef> used = new ConcurrentHashMap<>();

    private PackCache(Map<String, BlobRef> packs) {
        this.packs = new ConcurrentHashMap<>(packs);
    }

    /** The cache in {@code file}; empty when there is none or it cannot be read. */
    static PackCache read(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return new PackCache(
                        Documents.mapper().readValue(file.toFile(), new TypeReference<Map<String, BlobRef>>() {}));
            }
        } catch (IOException e) {
            // a cache that cannot be read is rebuilt
        }
        return new PackCache(Map.of());
    }

    static String fingerprint(List<ProjectTree.File> files) {
        MessageDigest digest = Hashing.sha256();
        for (ProjectTree.File file : files) {
            digest.update((file.path() + "\t" + file.size() + "\t" + file.modifiedMillis() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return Hashing.hex(digest);
    }

    BlobRef get(String fingerprint) {
        BlobRef known = packs.get(fingerprint);
        if (known != null) {
            used.put(fingerprint, known);
        }
        return known;
    }

    void put(String fingerprint, BlobRef ref) {
        packs.put(fingerprint, ref);
        used.put(fingerprint, ref);
    }

    /** Writes the cache; a cache that cannot be written only costs the next shipment some archiving. */
    void write(Path file) {
        if (used.isEmpty()) {
            return; // a shipment without such entries (the worker's jars, in the same directory) keeps the last one's
        }
        try {
            Files.write(file, Documents.mapper().writeValueAsBytes(new TreeMap<>(used)));
        } catch (IOException e) {
            // see above
        }
    }
}
