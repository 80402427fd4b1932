package io.cloudist.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * SHA-256 of local files. {@link #remembered} keeps a file's hash for the life of this JVM while the file keeps its
 * size, modification time and identity (inode), as {@code git status} and Gradle's file hashes do: a run hashes the
 * jars of the classpath and the blobs of the local store that it ships, and the jars a reactor's modules share, or a
 * warm-up ({@code Cloudist.warmUp}) hashed a moment before, need not be read again. A file whose modification time is
 * less than {@link #SETTLED_MILLIS} before its hashing is not remembered: it may be written again within the file
 * system's clock tick, with the same size and time ("racily clean", in git's words). A hash that must prove the
 * bytes that were downloaded is never a remembered one ({@link #of}).
 */
public final class FileHashes {
    /** How old a file's modification time must be, when hashing starts, for its hash to be remembered. */
    public static final long SETTLED_MILLIS = 2_000;

    private static final int LIMIT = 50_000;
    private static final FileHashes SHARED = new FileHashes(System::currentTimeMillis);

    private final ConcurrentHashMap<Path, Known> known = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    FileHashes(LongSupplier clock) {
        this.clock = clock;
    }

    /** The hashes this JVM's runs share. */
    public static FileHashes shared() {
        return SHARED;
    }

    /**
     * The SHA-256 of {@code file}'s bytes, read now: for what was just downloaded.
     *
     * @throws IOException when it cannot be read ({@link java.nio.file.NoSuchFileException} when it does not exist)
     */
    public static String of(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The SHA-256 of {@code file}'s bytes: remembered when the file has not changed since it was hashed, else read.
     *
     * @throws IOException as {@link #of} does
     */
    public String remembered(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        long started = clock.getAsLong();
        BasicFileAttributes before = Files.readAttributes(key, BasicFileAttributes.class);
        Known hashed = known.get(key);
        if (hashed != null && hashed.describes(before)) {
            return hashed.sha256();
        }
        String sha256 = of(key);
        BasicFileAttributes after = Files.readAttributes(key, BasicFileAttributes.class);
        Known now = Known.of(after, sha256);
        if (now.describes(before) && after.lastModifiedTime().toMillis() <= started - SETTLED_MILLIS) {
            if (known.size() >= LIMIT) {
                known.clear();
            }
            known.put(key, now);
        } else {
            known.remove(key);
        }
        return sha256;
    }

    /** A new SHA-256 digest, the hash of every blob. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** A file as it was hashed. */
    private record Known(long size, long modifiedNanos, Object identity, String sha256) {
        static Known of(BasicFileAttributes attributes, String sha256) {
            return new Known(attributes.size(), nanos(attributes), attributes.fileKey(), sha256);
        }

        boolean describes(BasicFileAttributes attributes) {
            return attributes.isRegularFile()
                    && size == attributes.size()
                    && modifiedNanos == nanos(attributes)
                    && Objects.equals(identity, attributes.fileKey());
        }

        private static long nanos(BasicFileAttributes attributes) {
            return attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }
}
