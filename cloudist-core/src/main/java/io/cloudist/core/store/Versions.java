package io.cloudist.core.store;

import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/** How stores without a version of their own make one ({@link Store#versions}). */
final class Versions {
    private Versions() {}

    /** The value's SHA-256: equal values, equal versions. */
    static String ofContent(byte[] value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /**
     * A file's modification time (in nanoseconds, as fine as the file system keeps it), size and identity (a store's
     * write moves a new file into place: a new inode on Unix).
     */
    static String ofFile(BasicFileAttributes attributes) {
        Object id = attributes.fileKey();
        return attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS) + "-" + attributes.size()
                + (id == null ? "" : "-" + id);
    }
}
