package io.cloudist.core.ship;

import io.cloudist.core.CloudistException;
import io.cloudist.core.protocol.BlobRef;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Ships a test classpath and extra files to a {@link Store}, content-addressed: jars by their SHA-256, directories
 * and extra files as deterministic archives. A blob already in the store is not uploaded again.
 *
 * <p>Entries are hashed, checked and uploaded on {@value #THREADS} threads, because against a remote store each
 * entry costs at least one round trip; the returned refs keep the classpath order. Two entries with the same content
 * are uploaded once.
 */
public final class BundleShipper {
    static final int THREADS = 8;

    private final Store store;
    private final Path moduleDirectory;
    private final Path scratchDirectory;
    private final ConcurrentHashMap<String, CompletableFuture<Void>> blobs = new ConcurrentHashMap<>();
    private final AtomicInteger archives = new AtomicInteger();
    private final AtomicInteger refs = new AtomicInteger();
    private final AtomicInteger uploaded = new AtomicInteger();
    private final AtomicLong bytesUploaded = new AtomicLong();
    private final AtomicLong bytesTotal = new AtomicLong();
    private final List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();

    public BundleShipper(Store store, Path moduleDirectory, Path scratchDirectory) {
        this.store = store;
        this.moduleDirectory = moduleDirectory.toAbsolutePath().normalize();
        this.scratchDirectory = scratchDirectory;
    }

    /**
     * Ships {@code classpath} (missing entries are skipped, as the JVM skips them) and the extra-file globs.
     *
     * @throws CloudistException naming the entry and the fix when a classpath entry cannot be read or is not a jar
     */
    public Shipment ship(List<Path> classpath, List<String> extraFileGlobs) {
        long start = System.nanoTime();
        try {
            Files.createDirectories(scratchDirectory);
        } catch (IOException e) {
            throw new CloudistException("Cannot create " + scratchDirectory + ": " + e.getMessage(), e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "cloudist-ship");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<BlobRef>> cp = new ArrayList<>();
            for (Path entry : classpath) {
                switch (ClasspathEntries.of(entry)) {
                    case DIRECTORY -> cp.add(pool.submit(() -> directory(entry)));
                    case JAR -> cp.add(pool.submit(() -> jar(entry)));
                    case MISSING -> {
                        // skipped, as the JVM skips it
                    }
                }
            }
            ExtraFiles extra = ExtraFiles.match(moduleDirectory, extraFileGlobs);
            List<Future<BlobRef>> files = new ArrayList<>();
            if (!extra.relativePaths().isEmpty()) {
                files.add(pool.submit(
                        () -> archive(moduleDirectory, extra.relativePaths(), BlobRef.Kind.FILES, "")));
            }
            return new Shipment(
                    all(cp),
                    all(files),
                    extra.unmatchedGlobs(),
                    List.copyOf(warnings),
                    refs.get(),
                    uploaded.get(),
                    bytesUploaded.get(),
                    bytesTotal.get(),
                    Duration.ofNanos(System.nanoTime() - start));
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<BlobRef> all(List<Future<BlobRef>> futures) {
        List<BlobRef> done = new ArrayList<>(futures.size());
        for (Future<BlobRef> future : futures) {
            done.add(await(future));
        }
        return done;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudistException("Interrupted while shipping the bundle", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new CloudistException("Shipping the bundle failed: " + e.getCause(), e.getCause());
        }
    }

    private BlobRef jar(Path jar) {
        ClasspathEntries.checkJar(jar).ifPresent(warnings::add);
        return upload(jar, Hashing.sha256(jar), BlobRef.Kind.JAR, jar.getFileName().toString());
    }

    private BlobRef directory(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        String where = absolute.startsWith(moduleDirectory)
                ? moduleDirectory.relativize(absolute).toString().replace('\\', '/')
                : "";
        List<String> files;
        try (Stream<Path> walk = Files.walk(absolute)) {
            files = walk.filter(Files::isRegularFile)
                    .map(p -> absolute.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw ClasspathEntries.unreadable(dir, e.getCause());
        } catch (IOException e) {
            throw ClasspathEntries.unreadable(dir, e);
        }
        return archive(absolute, files, BlobRef.Kind.DIRECTORY, where);
    }

    private BlobRef archive(Path base, List<String> files, BlobRef.Kind kind, String where) {
        Path archive = scratchDirectory.resolve("archive-" + archives.getAndIncrement() + ".zip");
        String sha = Archives.write(base, files, archive);
        BlobRef ref = upload(archive, sha, kind, where);
        try {
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            // a leftover scratch file is harmless
        }
        return ref;
    }

    private BlobRef upload(Path file, String sha, BlobRef.Kind kind, String path) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new CloudistException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> first = blobs.putIfAbsent(sha, mine);
        if (first == null) {
            try {
                String key = StoreKeys.blob(sha);
                if (!store.exists(key)) {
                    store.putFile(key, file);
                    uploaded.incrementAndGet();
                    bytesUploaded.addAndGet(size);
                }
                mine.complete(null);
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
                throw e;
            }
        } else {
            await(first);
        }
        bytesTotal.addAndGet(size);
        refs.incrementAndGet();
        return new BlobRef(sha, size, kind, path);
    }
}
