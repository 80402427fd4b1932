package io.cloudist.core.protocol;

import java.util.Objects;

/**
 * A content-addressed blob of a bundle.
 *
 * @param sha256 the content hash (the blob's key is {@code blobs/sha256/<sha256>})
 * @param size bytes
 * @param kind what the blob holds
 * @param path for a directory archive, where to unpack it relative to the module directory ("" when it lies
 *     outside the module); for a jar, its file name
 */
public record BlobRef(String sha256, long size, Kind kind, String path) {
    public enum Kind {
        /** A classpath jar, used as it is. */
        JAR,
        /** A classpath directory as a deterministic zip archive. */
        DIRECTORY,
        /** Extra files as a zip archive, unpacked into the module directory. */
        FILES
    }

    public BlobRef {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(kind, "kind");
        path = Objects.requireNonNullElse(path, "");
    }
}
