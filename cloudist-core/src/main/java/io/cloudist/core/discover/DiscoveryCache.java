package io.cloudist.core.discover;

import io.cloudist.core.CloudistException;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.protocol.Documents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Remembers the last discovery's test plan with the key of everything it depends on: the content of every classpath
 * entry (the shipped blobs' hashes), the selected classes and tags, and the JVM's arguments and system properties.
 * An unchanged module skips the discovery JVM entirely.
 */
public final class DiscoveryCache {
    private final Path file;

    public DiscoveryCache(Path file) {
        this.file = file;
    }

    /** The key of a discovery: a hash over the given parts, in order. */
    public static String key(List<String> parts) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
        for (String part : parts) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Builds the reader and writer of the cached plan now, ahead of a run's first read ({@link Documents#prefetch}). */
    public static void prefetch() {
        Documents.prefetch(CachedPlan.class);
    }

    /** The cached plan when it was made with {@code key}. */
    public Optional<List<TestNode>> get(String key) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            CachedPlan cached = Documents.read(Files.readAllBytes(file), CachedPlan.class);
            return cached.key().equals(key) ? Optional.of(cached.nodes()) : Optional.empty();
        } catch (IOException | CloudistException e) {
            return Optional.empty();
        }
    }

    public void put(String key, List<TestNode> nodes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, Documents.write(new CachedPlan(Documents.SCHEMA, key, nodes)));
        } catch (IOException e) {
            throw new CloudistException("Cannot write the discovery cache " + file + ": " + e.getMessage(), e);
        }
    }

    record CachedPlan(int schema, String key, List<TestNode> nodes) implements Documents.Versioned {
        CachedPlan {
            nodes = List.copyOf(nodes);
        }
    }
}
