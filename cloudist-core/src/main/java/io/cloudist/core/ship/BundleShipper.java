package io.cloudist.core.ship;

import io.cloudist.core.CloudistException;
import io.cloudist.core.concurrent.DaemonThreads;
import io.cloudist.core.concurrent.Futures;
import io.cloudist.core.protocol.BlobRef;
import io.cloudist.core.store.FileHashes;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Ships a test classpath and extra files to a {@link Store}, content-addressed: jars by their SHA-256, directories
 * and extra files as deterministic archives. A blob already in the store is not uploaded again, unless the store
 * cannot vouch that its bytes still match its hash ({@link Store#sha256}). For workers that
 * run elsewhere it also ships the project's files ({@link ProjectTree}), in packs ({@link FilePacks}); a pack whose
 * files kept their sizes and times since the last shipment is not even archived again ({@link PackCache}), nor is a
 * class directory whose files did ({@value #DIRECTORIES}). Paths
 * in the bundle are relative to its root, the project's root directory (or above it, for extra files outside it).
 *
 * <p>Entries are hashed, checked and uploaded on {@value #THREADS} threads, because against a remote store each
 * entry costs at least one round trip; the returned refs keep the classpath order. Two entries with the same content
 * are uploaded once.
 */
public final class BundleShipper {
    static final int THREADS = 8;
    /** The archives of the classpath's directories, by the paths, sizes and times of their files ({@link PackCache}). */
    static final String DIRECTORIES = "directories.json";

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

    /** The bundle's root: where directories and files beneath it travel relative to; set by {@link #ship}. */
    private Path root;

    /** What other shipments of the same run have shipped already. */
    private final ShippedEntries shipped;

    /** A shipper for one shipment. */
    public BundleShipper(Store store, Path moduleDirectory, Path scratchDirectory) {
        this(store, moduleDirectory, scratchDirectory, new ShippedEntries());
    }

    /** @param shipped what shipments of the same run have shipped, which this one uses and adds to */
    public BundleShipper(Store store, Path moduleDirectory, Path scratchDirectory, ShippedEntries shipped) {
        this.store = store;
        this.moduleDirectory = moduleDirectory.toAbsolutePath().normalize();
        this.scratchDirectory = scratchDirectory;
        this.shipped = shipped;
    }

    /** The entry's ref from an earlier shipment of the run (counted as part of this bundle), else shipped now. */
    private BlobRef once(String key, Supplier<BlobRef> ship) {
        BlobRef known = shipped.entry(key);
        if (known != null) {
            bytesTotal.addAndGet(known.size());
            refs.incrementAndGet();
            return known;
        }
        BlobRef ref = ship.get();
        shipped.entry(key, ref);
        return ref;
    }

    /**
     * Ships {@code classpath} (missing entries are skipped, as the JVM skips them) and the extra-file globs.
     *
     * @throws CloudistException naming the entry and the fix when a classpath entry cannot be read or is not a jar
     */
    public Shipment ship(List<Path> classpath, List<String> extraFileGlobs) {
        return ship(classpath, extraFileGlobs, null);
    }

    /**
     * Ships {@code classpath}, the extra-file globs and, when given, the project's files. The bundle's root is the
     * project's root (else the module directory), or the directory above it that also holds the extra files.
     *
     * @param tree the project's files, for workers that run elsewhere; null for none
     */
    public Shipment ship(List<Path> classpath, List<String> extraFileGlobs, ProjectTree tree) {
        long start = System.nanoTime();
        root = ExtraFiles.root(tree == null ? moduleDirectory : tree.root(), moduleDirectory, extraFileGlobs);
        try {
            Files.createDirectories(scratchDirectory);
        } catch (IOException e) {
            throw new CloudistException("Cannot create " + scratchDirectory + ": " + e.getMessage(), e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, DaemonThreads.named("cloudist-ship"));
        PackCache directories = PackCache.read(scratchDirectory.resolve(DIRECTORIES));
        try {
            List<Future<BlobRef>> cp = new ArrayList<>();
            for (Path entry : classpath) {
                switch (ClasspathEntries.of(entry)) {
                    case DIRECTORY ->
                        cp.add(pool.submit(() -> once(
                                "directory " + root + " "
                                        + entry.toAbsolutePath().normalize(),
                                () -> directory(entry, directories))));
                    case JAR ->
                        cp.add(pool.submit(
                                () -> once("jar " + entry.toAbsolutePath().normalize(), () -> jar(entry))));
                    case MISSING -> {
                        // skipped, as the JVM skips it
                    }
                }
            }
            List<Future<BlobRef>> files = new ArrayList<>();
            int treeFiles = 0;
            if (tree != null) {
                ShippedEntries.Tree packs = shippedTree(tree, pool);
                treeFiles = packs.files();
                packs.packs().forEach(ref -> files.add(CompletableFuture.completedFuture(ref)));
            }
            ExtraFiles extra = ExtraFiles.match(moduleDirectory, extraFileGlobs);
            if (!extra.relativePaths().isEmpty()) {
                List<String> underRoot = extra.relativePaths().stream()
                        .map(this::fromRoot)
                        .sorted()
                        .toList();
                files.add(pool.submit(() -> archive(root, underRoot, BlobRef.Kind.FILES, "")));
            }
            List<BlobRef> classpathRefs = all(cp);
            directories.write(scratchDirectory.resolve(DIRECTORIES));
            return new Shipment(
                    classpathRefs,
                    all(files),
                    ProjectTree.slashes(root.relativize(moduleDirectory)),
                    treeFiles,
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

    /** The project's files in packs: shipped now, or by an earlier shipment of the run from the same root. */
    private ShippedEntries.Tree shippedTree(ProjectTree tree, ExecutorService pool) {
        String key = "tree " + root + " " + tree.root().toAbsolutePath().normalize();
        ShippedEntries.Tree known = shipped.tree(key);
        if (known != null) {
            known.packs().forEach(ref -> {
                bytesTotal.addAndGet(ref.size());
                refs.incrementAndGet();
            });
            return known;
        }
        String prefix = ProjectTree.slashes(root.relativize(tree.root()));
        List<ProjectTree.File> scanned = tree.scan().stream()
                .map(f -> prefix.isEmpty()
                        ? f
                        : new ProjectTree.File(prefix + "/" + f.path(), f.size(), f.modifiedMillis()))
                .toList();
        PackCache cache = PackCache.read(scratchDirectory.resolve(PackCache.FILE));
        List<Future<BlobRef>> packs = new ArrayList<>();
        for (List<ProjectTree.File> pack : FilePacks.of(scanned)) {
            packs.add(pool.submit(() -> pack(root, pack, cache)));
        }
        ShippedEntries.Tree shippedNow = new ShippedEntries.Tree(all(packs), scanned.size());
        cache.write(scratchDirectory.resolve(PackCache.FILE));
        shipped.tree(key, shippedNow);
        return shippedNow;
    }

    private static List<BlobRef> all(List<Future<BlobRef>> futures) {
        List<BlobRef> done = new ArrayList<>(futures.size());
        for (Future<BlobRef> future : futures) {
            done.add(await(future));
        }
        return done;
    }

    private static <T> T await(Future<T> future) {
        return Futures.await(future, "Interrupted while shipping the bundle", "Shipping the bundle failed");
    }

    private BlobRef jar(Path jar) {
        ClasspathEntries.checkJar(jar).ifPresent(warnings::add);
        return upload(
                jar,
                Hashing.remembered(jar),
                BlobRef.Kind.JAR,
                jar.getFileName().toString());
    }

    /** A path relative to the module directory, made relative to the bundle's root. */
    private String fromRoot(String moduleRelative) {
        Path absolute = moduleDirectory.resolve(moduleRelative).normalize();
        if (!absolute.startsWith(root)) {
            throw new IllegalArgumentException(absolute + " is outside the bundle's root " + root);
        }
        return ProjectTree.slashes(root.relativize(absolute));
    }

    /** A pack of the project's files: archived and uploaded, unless the cache knows it unchanged and it is stored. */
    private BlobRef pack(Path base, List<ProjectTree.File> files, PackCache cache) {
        String fingerprint = PackCache.fingerprint(files);
        BlobRef known = cache.get(fingerprint);
        if (stillStored(known)) {
            return known;
        }
        BlobRef ref = archive(base, files.stream().map(ProjectTree.File::path).toList(), BlobRef.Kind.FILES, "");
        cache.put(fingerprint, ref);
        return ref;
    }

    /**
     * A class directory's archive: the one of the last shipment when its files kept their paths, sizes and times and
     * the blob is stored, else archived now. An archive is remembered only when every file had settled (was modified
     * at least {@link FileHashes#SETTLED_MILLIS} before): a class compiled again within the clock's tick may keep
     * its size and time.
     */
    private BlobRef directory(Path dir, PackCache cache) {
        Path absolute = dir.toAbsolutePath().normalize();
        String where = absolute.startsWith(root) ? ProjectTree.slashes(root.relativize(absolute)) : "";
        long started = System.currentTimeMillis();
        List<ProjectTree.File> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(absolute)) {
            for (Path file : (Iterable<Path>) walk::iterator) {
                BasicFileAttributes attributes = attributes(file);
                if (attributes != null && attributes.isRegularFile()) {
                    files.add(new ProjectTree.File(
                            absolute.relativize(file).toString().replace('\\', '/'),
                            attributes.size(),
                            attributes.lastModifiedTime().toMillis()));
                }
            }
        } catch (UncheckedIOException e) {
            throw ClasspathEntries.unreadable(dir, e.getCause());
        } catch (IOException e) {
            throw ClasspathEntries.unreadable(dir, e);
        }
        files.sort(Comparator.comparing(ProjectTree.File::path));
        String key = "directory\t" + absolute + "\t" + where + "\t" + PackCache.fingerprint(files);
        BlobRef known = cache.get(key);
        if (stillStored(known)) {
            return known;
        }
        BlobRef ref =
                archive(absolute, files.stream().map(ProjectTree.File::path).toList(), BlobRef.Kind.DIRECTORY, where);
        if (files.stream().allMatch(f -> f.modifiedMillis() <= started - FileHashes.SETTLED_MILLIS)) {
            cache.put(key, ref);
        }
        return ref;
    }

    /** A file's attributes, following links as the JVM does; null for one gone since the walk listed it. */
    private static BasicFileAttributes attributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
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

    /** Whether a remembered archive is in the store, as it was: then it is part of this bundle as it is. */
    private boolean stillStored(BlobRef known) {
        if (known == null || !stored(StoreKeys.blob(known.sha256()), known.sha256())) {
            return false;
        }
        bytesTotal.addAndGet(known.size());
        refs.incrementAndGet();
        return true;
    }

    /** Whether the store holds {@code sha}'s bytes at {@code key}, by what it knows without a download. */
    private boolean stored(String key, String sha) {
        return store.sha256(key).filter(sha::equals).isPresent();
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
                // Not trusted by name: a blob whose stored bytes the store cannot vouch for is uploaded again.
                if (!stored(key, sha)) {
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
