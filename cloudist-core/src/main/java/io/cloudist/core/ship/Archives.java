package io.cloudist.core.ship;

import io.cloudist.core.CloudistException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Deterministic zip archives: entries sorted, fixed timestamps, so the same files always give the same bytes and
 * therefore the same blob hash.
 */
final class Archives {
    private static final long FIXED_TIME = 315532800000L; // 1980-01-01, the zip epoch

    private Archives() {}

    /**
     * Writes the files (relative paths under {@code base}) into {@code archive} and returns its SHA-256.
     *
     * @param relativePaths sorted relative paths with {@code /} separators
     */
    static String write(Path base, Collection<String> relativePaths, Path archive) {
        MessageDigest digest = Hashing.sha256();
        try (OutputStream file = Files.newOutputStream(archive);
                ZipOutputStream zip = new ZipOutputStream(new DigestOutputStream(file, digest))) {
            zip.setLevel(1);
            for (String relative : relativePaths) {
                ZipEntry entry = new ZipEntry(relative);
                entry.setTime(FIXED_TIME);
                zip.putNextEntry(entry);
                try (InputStream in = open(base.resolve(relative))) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new CloudistException("Cannot archive files of " + base + ": " + e.getMessage(), e);
        }
        return Hashing.hex(digest);
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new CloudistException(
                    "Cannot read " + file + " (" + ClasspathEntries.reason(e) + ") to ship it to"
                            + " the workers: make it readable by the user that runs Maven.",
                    e);
        }
    }

    /** Unpacks {@code archive} into {@code target}, refusing entries that would land outside it. */
    static void unpack(Path archive, Path target) {
        Path root = target.toAbsolutePath().normalize();
        try (InputStream in = Files.newInputStream(archive);
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path out = root.resolve(entry.getName()).normalize();
                if (!out.startsWith(root)) {
                    throw new CloudistException("Archive entry escapes its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(zip, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new CloudistException("Cannot unpack " + archive + " into " + target + ": " + e.getMessage(), e);
        }
    }
}
