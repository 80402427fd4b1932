package io.cloudist.core.jvm;

import io.cloudist.core.CloudistException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Files that only their owner can read or write ({@code rw-------} where the file system has POSIX permissions),
 * created so from the first byte: argument files with system properties, properties that look secret.
 */
public final class OwnerOnlyFiles {
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnlyFiles() {}

    /** Replaces {@code file} with {@code text} in UTF-8, readable by its owner only. */
    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            try (SeekableByteChannel channel = POSIX
                    ? Files.newByteChannel(
                            file,
                            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.newByteChannel(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            }
        } catch (IOException e) {
            throw new CloudistException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates {@code directory} if needed and makes it accessible to its owner only ({@code rwx------}), so that
     * nothing written under it (run data, logs, test output) can be read by other users of the machine.
     */
    public static void directory(Path directory) throws IOException {
        Files.createDirectories(directory);
        if (POSIX) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Replaces {@code file} with {@code properties} in {@code .properties} form, readable by its owner only. */
    public static void writeProperties(Path file, Map<String, String> properties) {
        Properties sorted = new Properties();
        sorted.putAll(new TreeMap<>(properties));
        StringWriter text = new StringWriter();
        try {
            sorted.store(text, null);
        } catch (IOException e) {
            throw new CloudistException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        write(file, text.toString());
    }
}
