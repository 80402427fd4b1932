package io.cloudist.core.ship;

import io.cloudist.core.store.FileHashes;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** SHA-256 of files, the key of every blob. */
final class Hashing {
    private Hashing() {}

    static MessageDigest sha256() {
        return FileHashes.sha256();
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The hash of {@code file}'s bytes, read now: for what was downloaded. */
    static String sha256(Path file) {
        try {
            return FileHashes.of(file);
        } catch (IOException e) {
            throw ClasspathEntries.unreadable(file, e);
        }
    }

    /** The hash of a local file to ship: remembered while the file is unchanged ({@link FileHashes#remembered}). */
    static String remembered(Path file) {
        try {
            return FileHashes.shared().remembered(file);
        } catch (IOException e) {
            throw ClasspathEntries.unreadable(file, e);
        }
    }
}
