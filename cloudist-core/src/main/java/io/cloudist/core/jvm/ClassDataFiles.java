package io.cloudist.core.jvm;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The file chores of {@link ClassDataArchive}: keys, checksums, the check that a JVM maps an archive, clean-up. */
final class ClassDataFiles {
    static final String SUFFIX = ".jsa";
    static final String SUM = ".sum";
    static final String TEMPORARY = ".tmp";

    private static final Logger LOG = LoggerFactory.getLogger(ClassDataFiles.class);
    private static final Duration ABANDONED = Duration.ofHours(1);
    private static final long CHECK_SECONDS = 60;

    private ClassDataFiles() {}

    /** A file's size and modification time: what the JVM compares of a jar or its module image. */
    static String fingerprint(Path file) {
        try {
            return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return "missing";
        }
    }

    /** 16 hex digits of the SHA-256 of the parts, one a line. */
    static String key(List<String> parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            parts.forEach(part -> digest.update((part + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String crc32(Path file) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
            }
        }
        return Long.toHexString(crc.getValue());
    }

    /**
     * Whether a JVM with these options starts mapping {@code archive} on these jars: {@code -Xshare:on} makes failing
     * fatal. A crash leaves its report in {@code scratch}, not in the working directory, and it is deleted.
     */
    static boolean maps(Path java, List<String> options, List<Path> jars, Path archive, Path scratch) {
        Path crash = scratch.resolve(archive.getFileName() + "-check-crash.log");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(options);
        command.addAll(List.of(
                "-Xshare:on",
                ClassDataArchive.MAP + archive,
                ClassDataArchive.QUIET,
                "-XX:-CreateCoredumpOnCrash",
                "-XX:ErrorFile=" + crash,
                "-cp",
                String.join(
                        File.pathSeparator, jars.stream().map(Path::toString).toList()),
                "-version"));
        try {
            Process check = new ProcessBuilder(command)
                    .directory(scratch.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            check.getOutputStream().close();
            if (!check.waitFor(CHECK_SECONDS, TimeUnit.SECONDS)) {
                check.destroyForcibly();
                return false;
            }
            return check.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            deleteQuietly(crash);
        }
    }

    /**
     * Deletes, in {@code directory}, the files of the archives named {@code prefix*} other than {@code keep} whose
     * archive nobody used for longer than {@code keepUnused} (by its checksum file, touched on use, else the file's own
     * time), and temporary files that writers killed long ago left.
     */
    static void deleteUnused(Path directory, String prefix, String keep, Duration keepUnused) {
        long now = System.currentTimeMillis();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, prefix + "*")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(keep + ".") || name.startsWith(keep + "-")) {
                    continue;
                }
                long age = now - Files.getLastModifiedTime(file).toMillis();
                boolean temporary = name.endsWith(TEMPORARY);
                if (temporary ? age > ABANDONED.toMillis() : now - lastUse(file) > keepUnused.toMillis()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            LOG.debug("Cannot delete unused class data archives in {}", directory, e);
        }
    }

    /** When the archive a file belongs to was last used: its checksum file's time, else the file's own. */
    private static long lastUse(Path file) throws IOException {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        Path sum = file.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + SUFFIX + SUM);
        return Files.exists(sum)
                ? Math.max(
                        Files.getLastModifiedTime(sum).toMillis(),
                        Files.getLastModifiedTime(file).toMillis())
                : Files.getLastModifiedTime(file).toMillis();
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Cannot delete {}", file, e);
        }
    }
}
