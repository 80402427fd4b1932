package io.cloudist.core.ship;

import io.cloudist.core.CloudistException;
import io.cloudist.core.protocol.BlobRef;
import io.cloudist.core.protocol.ModuleManifest;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The worker's half of shipping: fetches a run's blobs into a local content-addressed cache (shared by the workers
 * of one machine), checking each against its SHA-256, and rebuilds the project's tree: the project's files and
 * extra files unpacked into the tree's root, directory archives at their paths relative to it. Every path the
 * manifest names is checked to stay where it belongs ({@link BundlePaths}).
 *
 * <p>The modules of one run share one tree: an archive that several modules name (the project's files, a module's
 * classes on another's classpath) is unpacked into it once.
 */
public final class BundleMaterializer {
    private final Store store;
    private final Path cacheDirectory;
    private final Set<String> unpacked = new HashSet<>();

    public BundleMaterializer(Store store, Path cacheDirectory) {
        this.store = store;
        this.cacheDirectory = cacheDirectory;
    }

    /**
     * The rebuilt module: its directory in the tree, and the test classpath in the manifest's order.
     *
     * @param moduleDirectory the module directory
     * @param classpath the test classpath
     */
    public record Materialized(Path moduleDirectory, List<Path> classpath) {
        public Materialized {
            classpath = List.copyOf(classpath);
        }
    }

    /**
     * Rebuilds the tree under {@code treeRoot} and returns the module in it.
     *
     * @param outsideDirectory where directory archives that lie outside the tree are unpacked
     */
    public Materialized materialize(ModuleManifest manifest, Path treeRoot, Path outsideDirectory) {
        Path moduleDirectory = treeRoot.resolve(BundlePaths.relative(manifest.modulePath(), "the module path"));
        List<Path> classpath = new ArrayList<>();
        for (BlobRef ref : manifest.classpath()) {
            Path blob = fetch(ref);
            switch (ref.kind()) {
                case JAR -> classpath.add(blob);
                case DIRECTORY -> {
                    Path dir = ref.path().isEmpty()
                            ? outsideDirectory.resolve(ref.sha256())
                            : treeRoot.resolve(BundlePaths.relative(ref.path(), "the classpath directory"));
                    unpackOnce(ref, blob, dir);
                    classpath.add(dir);
                }
                case FILES -> unpackOnce(ref, blob, treeRoot);
            }
        }
        for (BlobRef ref : manifest.files()) {
            unpackOnce(ref, fetch(ref), treeRoot);
        }
        return new Materialized(moduleDirectory, classpath);
    }

    private void unpackOnce(BlobRef ref, Path blob, Path directory) {
        if (unpacked.add(ref.sha256() + " " + directory.toAbsolutePath().normalize())) {
            Archives.unpack(blob, directory);
        }
    }

    /** The cached copy of a blob, downloaded and checked against its hash first if needed. Jars keep their name. */
    private Path fetch(BlobRef ref) {
        String sha256 = BundlePaths.sha256(ref.sha256());
        String name = ref.kind() == BlobRef.Kind.JAR ? BundlePaths.fileName(ref.path(), "the jar name") : "blob.zip";
        Path target = cacheDirectory.resolve(sha256).resolve(name);
        if (Files.isRegularFile(target)) {
            return target;
        }
        String key = StoreKeys.blob(sha256);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling(name + "." + UUID.randomUUID() + ".part");
            if (!store.getFile(key, tmp)) {
                throw new CloudistException("Blob " + sha256 + " (" + ref.kind() + " " + ref.path()
                        + ") is missing from the store " + store.location());
            }
            String actual = Hashing.sha256(tmp);
            if (!actual.equals(sha256)) {
                Files.deleteIfExists(tmp);
                throw new CloudistException("Blob " + key + " in the store " + store.location()
                        + " does not match its name: its content hashes to " + actual + ". Refusing to run it. The"
                        + " store may have been tampered with; delete the blob and run again, and check who can write"
                        + " to the store.");
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new CloudistException("Cannot cache blob " + sha256 + ": " + e.getMessage(), e);
        }
    }
}
