package io.cloudist.core.ship;

import io.cloudist.core.store.FileHashes;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files, the key of every blob. */
final class Hashing {
    private Hashing() {}

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
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
