package io.cloudist.core.jvm;

import static io.cloudist.core.jvm.ClassDataFiles.SUFFIX;
import static io.cloudist.core.jvm.ClassDataFiles.SUM;
import static io.cloudist.core.jvm.ClassDataFiles.TEMPORARY;
import static io.cloudist.core.jvm.ClassDataFiles.deleteQuietly;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A class data sharing archive (JDK 13 and later) for JVMs that start again and again on the same java and jars: the
 * worker agents of a local run, a module's test JVMs. One JVM writes it as it exits ({@code -XX:ArchiveClassesAtExit});
 * every later one maps it ({@code -XX:SharedArchiveFile}) and loads the archived classes without parsing or verifying
 * them again.
 *
 * <p>The archive's name is a hash of the java (its path and its module image's size and time), of every jar's path,
 * size and modification time, in order, and of the JVM options that decide which base archive the JVM maps: exactly
 * what the JVM checks before it maps an archive, so a new JDK or a changed jar gets a new archive instead of one the
 * JVM would refuse. The jars must lead the classpath of every JVM that maps it: the JVM refuses an archive whose
 * classpath had a non-empty directory, and any directory after the jars is not part of the key.
 *
 * <p>A damaged archive must cost speed, never a run: a JDK 17 that maps a truncated archive can crash as it starts,
 * and one with a damaged byte anywhere. So the writer writes to a temporary file, which becomes the archive only after
 * a JVM has mapped it with {@code -Xshare:on}; its size and checksum are recorded beside it, and an archive that does
 * not match them is deleted (and written again) instead of mapped; and a JVM that maps it checks its checksums first
 * ({@link #VERIFY}), and runs without it if they fail. Only one
 * process writes a given archive at a time (a file lock, released if its holder dies), and an archive that could
 * not be written, or that a JVM could not start with, is marked failed and not tried again until its key changes.
 *
 * <p>Files, in the archive's directory, for {@code <base>} = prefix + key: {@code <base>.jsa}, the archive;
 * {@code <base>.jsa.sum}, its size and CRC-32, touched when it is used; {@code <base>.lock}; {@code <base>.failed};
 * {@code <base>.<random>.tmp}, being written. Archives not used for longer than the given time are deleted when
 * another of the same prefix is written.
 */
public final class ClassDataArchive {
    /** The option that maps an archive. */
    public static final String MAP = "-XX:SharedArchiveFile=";
    /**
     * Makes the JVM check the archive's checksums before it maps it (a few milliseconds): without it, an archive with
     * a damaged byte can crash JDK 17 and 25 as they start, or later.
     */
    public static final String VERIFY = "-XX:+VerifySharedSpaces";
    /** The option that writes an archive as the JVM exits. */
    public static final String WRITE = "-XX:ArchiveClassesAtExit=";
    /**
     * Keeps the JVM's class data sharing messages (an archive it cannot use, classes it does not archive) out of its
     * output; JDK 13 to 25 log them under the {@code cds} tags.
     */
    public static final String QUIET = "-Xlog:cds*=off";
    /** The directory of a worker's blob cache that holds the class data archives of its test JVMs. */
    public static final String CACHE_DIRECTORY = "class-data";

    private static final Logger LOG = LoggerFactory.getLogger(ClassDataArchive.class);
    private static final Duration TOUCH_EVERY = Duration.ofHours(1);

    private final Path directory;
    private final String prefix;
    private final String base;
    private final Path java;
    private final List<Path> jars;
    private final List<String> options;
    private final Duration keepUnused;
    private boolean checked;

    /**
     * @param directory where the archives of this kind are kept
     * @param prefix the name every archive of this kind starts with ({@code agent-}, {@code test-})
     * @param java the java of the JVMs that write and map it
     * @param jars the jars that lead their classpath, in order
     * @param options JVM options of the writer, of the JVM that checks its archive, and of the key: those that
     *     decide which base archive a JVM maps (heap size, compressed pointers, collector)
     * @param keepUnused how long an archive of this kind may go unused before the writing of another deletes it
     */
    public ClassDataArchive(
            Path directory, String prefix, Path java, List<Path> jars, List<String> options, Duration keepUnused) {
        this.directory = directory;
        this.prefix = prefix;
        this.java = java;
        this.jars = List.copyOf(jars);
        this.options = List.copyOf(options);
        this.keepUnused = keepUnused;
        List<String> parts = new ArrayList<>();
        parts.add(java.toAbsolutePath().toString());
        parts.add(ClassDataFiles.fingerprint(JavaRuntime.runtimeImage(java)));
        this.jars.forEach(jar -> parts.add(jar.toAbsolutePath() + "|" + ClassDataFiles.fingerprint(jar)));
        parts.add(String.join(" ", this.options));
        this.base = prefix + ClassDataFiles.key(parts);
    }

    /** Where the archive is, or will be. */
    public Path archive() {
        return directory.resolve(base + SUFFIX);
    }

    /** The java that writes and maps the archive. */
    public Path java() {
        return java;
    }

    /** The JVM options of the writer, part of the key. */
    public List<String> options() {
        return options;
    }

    /** The jars the archive is for, which lead the classpath of every JVM that maps it. */
    public List<Path> jars() {
        return jars;
    }

    /**
     * Whether a JVM can map the archive now: it was written and checked, and is what was written: the same size, and
     * the first time this object is asked, the same checksum. A changed archive is deleted, to be written again.
     */
    public boolean usable() {
        Path archive = archive();
        Path sum = sumFile();
        if (failed() || !Files.isRegularFile(archive) || !Files.isRegularFile(sum)) {
            return false;
        }
        try {
            String[] recorded =
                    Files.readString(sum, StandardCharsets.US_ASCII).strip().split(" ");
            boolean same = recorded.length == 2
                    && Long.parseLong(recorded[0]) == Files.size(archive)
                    && (checked || recorded[1].equals(ClassDataFiles.crc32(archive)));
            if (!same) {
                LOG.info("The class data archive {} is not what was written; deleting it", archive);
                deleteQuietly(archive);
                deleteQuietly(sum);
                return false;
            }
            checked = true;
            FileTime now = FileTime.fromMillis(System.currentTimeMillis());
            if (Files.getLastModifiedTime(sum).toMillis() < now.toMillis() - TOUCH_EVERY.toMillis()) {
                Files.setLastModifiedTime(sum, now);
            }
            return true;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    /**
     * The options that map the archive, for a JVM whose classpath starts with {@link #jars()}: checked first, and
     * without a word if it cannot be used.
     */
    public List<String> mapOptions() {
        return List.of(MAP + archive(), VERIFY, QUIET);
    }

    /** Whether writing the archive failed, or a JVM could not start with it: then it is not written again. */
    public boolean failed() {
        return Files.exists(failedFile());
    }

    /**
     * The right to write the archive, unless it is there already, failed before, or another writer holds it. The
     * caller starts one JVM with {@link Writing#writeOptions()}, then {@linkplain Writing#commit commits} what it
     * wrote, and closes the writing in every case.
     */
    public Optional<Writing> claim() {
        if (usable() || failed()) {
            return Optional.empty();
        }
        Path lockFile = directory.resolve(base + ".lock");
        Optional<FileChannel> lock = ClassDataLocks.tryLock(lockFile);
        if (lock.isPresent() && (usable() || failed())) {
            ClassDataLocks.release(lockFile, lock.get());
            return Optional.empty();
        }
        return lock.map(channel ->
                new Writing(channel, lockFile, directory.resolve(base + "." + UUID.randomUUID() + TEMPORARY)));
    }

    /**
     * Deletes the archive and marks it failed: a JVM could not start with it. Nothing maps or writes it again until
     * its key changes.
     */
    public void discard() {
        deleteQuietly(archive());
        deleteQuietly(sumFile());
        markFailed();
    }

    /**
     * Waits up to {@code patience} while a process writes an archive in {@code directory}, so that a run that ends
     * does not kill it half-way.
     *
     * @return true if a writer is still at work after {@code patience}
     */
    public static boolean awaitWriters(Path directory, Duration patience) {
        return ClassDataLocks.await(directory, patience);
    }

    /** One writer's claim on the archive, holding its lock until closed. */
    public final class Writing implements AutoCloseable {
        private final FileChannel lock;
        private final Path lockFile;
        private final Path file;
        private boolean done;

        private Writing(FileChannel lock, Path lockFile, Path file) {
            this.lock = lock;
            this.lockFile = lockFile;
            this.file = file;
        }

        /** The options that make a JVM write the archive (to a temporary file) as it exits. */
        public List<String> writeOptions() {
            return List.of(WRITE + file, QUIET);
        }

        /** The temporary file the writer writes. */
        public Path file() {
            return file;
        }

        /**
         * Keeps what the writer wrote, if a JVM maps it with {@code -Xshare:on}; otherwise marks the archive failed.
         *
         * @return whether the archive is now there to map
         */
        public boolean commit() {
            done = true;
            try {
                if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                    LOG.info("The writer of the class data archive {} wrote nothing", archive());
                    markFailed();
                    return false;
                }
                if (!ClassDataFiles.maps(java, options, jars, file, directory)) {
                    LOG.info("No JVM maps the class data archive written for {}; not writing it again", archive());
                    markFailed();
                    return false;
                }
                String sum = Files.size(file) + " " + ClassDataFiles.crc32(file);
                try {
                    Files.move(file, archive(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(file, archive(), StandardCopyOption.REPLACE_EXISTING);
                }
                Files.writeString(sumFile(), sum, StandardCharsets.US_ASCII);
                ClassDataFiles.deleteUnused(directory, prefix, base, keepUnused);
                return true;
            } catch (IOException e) {
                LOG.info("Cannot keep the class data archive {}: {}", archive(), e.toString());
                return false;
            } finally {
                deleteQuietly(file);
            }
        }

        /** Marks the archive failed: its writer could not write it, and nobody should try again. */
        public void fail() {
            done = true;
            markFailed();
        }

        /** Releases the lock; a writing neither committed nor failed leaves nothing, and may be tried again. */
        @Override
        public void close() {
            if (!done) {
                deleteQuietly(file);
            }
            ClassDataLocks.release(lockFile, lock);
        }
    }

    private Path sumFile() {
        return directory.resolve(base + SUFFIX + SUM);
    }

    private Path failedFile() {
        return directory.resolve(base + ".failed");
    }

    private void markFailed() {
        try {
            Files.createDirectories(directory);
            Files.writeString(failedFile(), "");
        } catch (IOException e) {
            LOG.debug("Cannot mark the class data archive {} failed", archive(), e);
        }
    }
}
