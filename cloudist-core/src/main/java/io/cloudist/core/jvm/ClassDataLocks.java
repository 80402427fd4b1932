package io.cloudist.core.jvm;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The locks that keep a class data archive to one writer across the processes of a machine: a file lock on
 * {@code <base>.lock}, which the operating system releases when its holder dies. POSIX locks belong to a process, and
 * closing any channel on a locked file releases them, so the lock files this JVM holds are known here and never
 * opened a second time.
 */
final class ClassDataLocks {
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private ClassDataLocks() {}

    /** The lock, held through the returned channel until {@link #release}; empty if a process (this one too) has it. */
    static Optional<FileChannel> tryLock(Path lockFile) {
        Path file = lockFile.toAbsolutePath();
        if (!HELD.add(file)) {
            return Optional.empty();
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (channel.tryLock() != null) {
                return Optional.of(channel);
            }
        } catch (IOException | OverlappingFileLockException e) {
            // held elsewhere, or not ours to lock
        }
        closeQuietly(channel);
        HELD.remove(file);
        return Optional.empty();
    }

    static void release(Path lockFile, FileChannel channel) {
        closeQuietly(channel);
        HELD.remove(lockFile.toAbsolutePath());
    }

    /**
     * Waits up to {@code patience} while a process holds a lock in {@code directory}.
     *
     * @return true if one still does
     */
    static boolean await(Path directory, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (anyHeld(directory)) {
            if (System.nanoTime() > deadline) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return false;
    }

    private static boolean anyHeld(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (DirectoryStream<Path> locks = Files.newDirectoryStream(directory, "*.lock")) {
            for (Path lock : locks) {
                if (HELD.contains(lock.toAbsolutePath())) {
                    return true;
                }
                try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
                    FileLock held = channel.tryLock();
                    if (held == null) {
                        return true;
                    }
                    held.release();
                } catch (OverlappingFileLockException e) {
                    return true;
                } catch (IOException e) {
                    // gone, or not ours to lock: nobody writes through it
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // the lock goes with the channel
            }
        }
    }
}
