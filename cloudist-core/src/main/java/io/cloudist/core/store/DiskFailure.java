package io.cloudist.core.store;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * A failure of a local disk that no wait mends: it is full, its file system is read-only, or access is denied. Such an
 * I/O error is reported at once as what it is, naming the directory, instead of being retried as a store outage and
 * blamed on the network in the end. The JDK reports the first two as an {@code IOException} whose message is the
 * system's (ENOSPC, EDQUOT, EROFS), the third as an {@link AccessDeniedException}.
 */
public enum DiskFailure {
    FULL("is full (no space left on device)", "free space on its disk"),
    READ_ONLY("is on a read-only file system", "use a directory on a writable one"),
    ACCESS_DENIED("cannot be written by the user that runs Maven", "give that user write access to it");

    private final String problem;
    private final String fix;

    DiskFailure(String problem, String fix) {
        this.problem = problem;
        this.fix = fix;
    }

    /** What is wrong with the directory, e.g. {@code is full (no space left on device)}. */
    public String problem() {
        return problem;
    }

    /** What to do about it, as an instruction. */
    public String fix() {
        return fix;
    }

    /** The disk failure that {@code e}, or one of its causes, reports; empty for any other failure. */
    public static Optional<DiskFailure> of(Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            Optional<DiskFailure> failure = ofOne(t);
            if (failure.isPresent()) {
                return failure;
            }
        }
        return Optional.empty();
    }

    /**
     * The directory the failing file lies in, when {@code e} or a cause names the file; else {@code fallback}.
     *
     * @param fallback the directory the caller was working in
     */
    public static Path directory(Throwable e, Path fallback) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof FileSystemException f && f.getFile() != null) {
                Path file = Path.of(f.getFile()).toAbsolutePath();
                return file.getParent() != null ? file.getParent() : file;
            }
        }
        return fallback;
    }

    private static Optional<DiskFailure> ofOne(Throwable t) {
        if (t instanceof AccessDeniedException) {
            return Optional.of(ACCESS_DENIED);
        }
        if (t instanceof ReadOnlyFileSystemException) {
            return Optional.of(READ_ONLY);
        }
        if (!(t instanceof java.io.IOException) || t.getMessage() == null) {
            return Optional.empty();
        }
        String message = t.getMessage();
        if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
            return Optional.of(FULL);
        }
        if (message.contains("Read-only file system")) {
            return Optional.of(READ_ONLY);
        }
        return Optional.empty();
    }
}
