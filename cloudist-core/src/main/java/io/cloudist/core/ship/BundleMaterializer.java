package io.cloudist.core.ship;

import io.cloudist.core.CloudistException;
import io.cloudist.core.protocol.BlobRef;
import io.cloudist.core.protocol.RunManifest;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The worker's half of shipping: fetches a run's blobs into a local content-addressed cache (shared by the workers
 * of one machine) and rebuilds the module directory: directory archives and extra files at their relative paths.
 */
public final class BundleMaterializer {
    private final Store store;
    private final Path cacheDirectory;

    public BundleMaterializer(Store store, Path cacheDirectory) {
        this.store = store;
        this.cacheDirectory = cacheDirectory;
    }

    /**
     * Rebuilds {@code moduleDirectory} and returns the local test classpath, in the manifest's order.
     *
     * @param outsideDirectory where directory archives that lie outside the module are unpacked
     */
    public List<Path> materialize(RunManifest manifest, Path moduleDirectory, Path outsideDirectory) {
        List<Path> classpath = new ArrayList<>();
        for (BlobRef ref : manifest.classpath()) {
            Path blob = fetch(ref);
            switch (ref.kind()) {
                case JAR -> classpath.add(blob);
                case DIRECTORY -> {
                    Path dir = ref.path().isEmpty()
                            ? outsideDirectory.resolve(ref.sha256())
                            : moduleDirectory.resolve(ref.path());
                    Archives.unpack(blob, dir);
                    classpath.add(dir);
                }
                case FILES -> Archives.unpack(blob, moduleDirectory);
            }
        }
        for (BlobRef ref : manifest.files()) {
            Archives.unpack(fetch(ref), moduleDirectory);
        }
        return classpath;
    }

    /** The cached copy of a blob, downloaded first if needed. Jars keep their file name. */
    private Path fetch(BlobRef ref) {
        String name = ref.kind() == BlobRef.Kind.JAR ? ref.path() : "blob.zip";
        Path target = cacheDirectory.resolve(ref.sha256()).resolve(name);
        if (Files.isRegularFile(target)) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling(name + "." + UUID.randomUUID() + ".part");
            if (!store.getFile(StoreKeys.blob(ref.sha256()), tmp)) {
                throw new CloudistException("Blob " + ref.sha256() + " (" + ref.kind() + " " + ref.path()
                        + ") is missing from the store " + store.location());
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new CloudistException("Cannot cache blob " + ref.sha256() + ": " + e.getMessage(), e);
        }
    }
}
