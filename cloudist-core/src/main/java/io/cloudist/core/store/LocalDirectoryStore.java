package io.cloudist.core.store;

import io.cloudist.core.CloudistException;
import io.cloudist.core.CloudistParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A {@link Store} in a local directory: one file per key; writes go to a temporary file and are moved in place. An
 * I/O error is a {@link StoreUnavailableException} (a network file system may come back), except a {@link DiskFailure}
 * (a full disk, a read-only file system, a denied access), which no wait mends.
 */
public final class LocalDirectoryStore implements Store {
    private static final String TMP = ".tmp";
    private static final AtomicLong LAST_WRITE_MICROS = new AtomicLong();
    private final Path root;
    /** The root's path with a separator after it: how every file under it begins. */
    private final String rootPrefix;

    public LocalDirectoryStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        String separator = this.root.getFileSystem().getSeparator();
        this.rootPrefix = this.root.toString().endsWith(separator) ? this.root.toString() : this.root + separator;
        try {
            Files.createDirectories(this.root.resolve(TMP));
        } catch (IOException | ReadOnlyFileSystemException e) {
            throw DiskFailure.of(e)
                    .map(failure -> diskFailure(failure, e))
                    .orElseGet(() -> new CloudistException(
                            "Cannot create the store directory " + this.root + ": " + e.getMessage(), e));
        }
    }

    @Override
    public void put(String key, byte[] data) {
        io(() -> moveInto(write(data), key, true));
    }

    @Override
    public void putFile(String key, Path file) {
        io(() -> {
            Path tmp = tempFile();
            Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(tmp, writeTime());
            moveInto(tmp, key, true);
        });
    }

    @Override
    public boolean putIfAbsent(String key, byte[] data) {
        Path target = path(key);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = write(data);
            try {
                // A hard link fails atomically when the target exists: create-if-absent without a race.
                Files.createLink(target, tmp);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | IOException e) {
                if (Files.exists(target)) {
                    return false;
                }
                moveInto(tmp, key, false);
                return true;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | ReadOnlyFileSystemException e) {
            throw failure(key, e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(path(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure(key, e);
        }
    }

    @Override
    public boolean getFile(String key, Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(path(key), target, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw failure(key, e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(path(key));
    }

    /**
     * The hash of the file itself, read again unless the file has kept its size, time and identity since this JVM
     * last read it ({@link FileHashes#remembered}): a stored blob is never rewritten in place.
     */
    @Override
    public Optional<String> sha256(String key) {
        try {
            return Optional.of(FileHashes.shared().remembered(path(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure(key, e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        Path start = directoryOf(prefix);
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(start)) {
            return files.filter(Files::isRegularFile)
                    .map(this::keyOf)
                    .filter(k -> k.startsWith(prefix) && isKey(k))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw failure(prefix, e);
        }
    }

    /** Each file's modification time, size and identity: a file's attributes, without reading it. */
    @Override
    public Map<String, String> versions(String prefix) {
        Map<String, String> versions = new TreeMap<>();
        Path start = directoryOf(prefix);
        if (!Files.isDirectory(start)) {
            return versions;
        }
        try (Stream<Path> files = Files.walk(start)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String key = keyOf(file);
                if (key.startsWith(prefix) && isKey(key)) {
                    try {
                        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                        if (attributes.isRegularFile()) {
                            versions.put(key, Versions.ofFile(attributes));
                        }
                    } catch (NoSuchFileException e) {
                        // replaced or removed as we listed it
                    }
                }
            }
            return versions;
        } catch (IOException | UncheckedIOException e) {
            throw failure(prefix, e);
        }
    }

    /**
     * Watches the keys under {@code prefix} with the file system's notifications (inotify on Linux), listing them
     * again every second in case one was missed; where the file system has none, it lists them each time.
     */
    @Override
    public StoreWatch watch(String prefix) {
        return DirectoryWatch.open(this, prefix, directoryOf(prefix));
    }

    /** The directory that holds every key starting with {@code prefix}. */
    private Path directoryOf(String prefix) {
        return path(prefix.contains("/") ? prefix.substring(0, prefix.lastIndexOf('/')) : "");
    }

    /** The key of a file under the root (as {@code root.relativize(file)}, without its cost for each file listed). */
    String keyOf(Path file) {
        String path = file.toString();
        String key = path.startsWith(rootPrefix)
                ? path.substring(rootPrefix.length())
                : root.relativize(file).toString();
        return key.replace('\\', '/');
    }

    /** False for this store's own temporary files. */
    boolean isKey(String key) {
        return !key.startsWith(TMP + "/") && !key.equals(TMP);
    }

    @Override
    public void delete(String key) {
        io(() -> Files.deleteIfExists(path(key)));
    }

    @Override
    public String location() {
        return root.toString();
    }

    private Path path(String key) {
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("Key escapes the store: " + key);
        }
        return p;
    }

    private Path write(byte[] data) throws IOException {
        Path tmp = tempFile();
        Files.write(tmp, data);
        Files.setLastModifiedTime(tmp, writeTime());
        return tmp;
    }

    /**
     * Now, to the microsecond, and later than any earlier write of this process: a file's modification time is part
     * of its version ({@link #versions}), and two writes of one key within the file system's clock tick (a few
     * milliseconds), of the same size, into a reused inode, must not look alike.
     */
    private static FileTime writeTime() {
        Instant now = Instant.now();
        long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
        return FileTime.from(
                LAST_WRITE_MICROS.accumulateAndGet(micros, (last, n) -> Math.max(last + 1, n)), TimeUnit.MICROSECONDS);
    }

    private Path tempFile() {
        return root.resolve(TMP).resolve(UUID.randomUUID().toString());
    }

    private void moveInto(Path tmp, String key, boolean replace) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private CloudistException failure(String key, Exception e) {
        return unavailable("Store I/O failed on '" + key + "': " + e, e);
    }

    /** A transient failure, unless the disk is full, read-only or denies access: no wait mends those. */
    CloudistException unavailable(String message, Exception e) {
        return DiskFailure.of(e)
                .map(failure -> diskFailure(failure, e))
                .orElseGet(() -> new StoreUnavailableException(message, e));
    }

    private CloudistException diskFailure(DiskFailure failure, Exception e) {
        return new CloudistException(
                "The store directory " + root + " " + failure.problem() + ": " + failure.fix() + ", or point "
                        + CloudistParameters.STORE.displayName() + " at a directory elsewhere.",
                e);
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private void io(IoAction action) {
        try {
            action.run();
        } catch (IOException | ReadOnlyFileSystemException e) {
            throw unavailable("Store I/O failed in " + root + ": " + e, e);
        }
    }
}
