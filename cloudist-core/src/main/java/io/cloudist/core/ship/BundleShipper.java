package io.cloudist.core.ship;

import io.cloudist.core.CloudistException;
import io.cloudist.core.protocol.BlobRef;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Ships a test classpath and extra files to a {@link Store}, content-addressed: jars by their SHA-256, directories
 * and extra files as deterministic archives. A blob already in the store is not uploaded again.
 */
public final class BundleShipper {
    private final Store store;
    private final Path moduleDirectory;
    private final Path scratchDirectory;
    private final List<BlobRef> refs = new ArrayList<>();
    private int uploaded;
    private long bytesUploaded;
    private long bytesTotal;

    public BundleShipper(Store store, Path moduleDirectory, Path scratchDirectory) {
        this.store = store;
        this.moduleDirectory = moduleDirectory.toAbsolutePath().normalize();
        this.scratchDirectory = scratchDirectory;
    }

    /** Ships {@code classpath} (missing entries are skipped, as the JVM skips them) and the extra-file globs. */
    public Shipment ship(List<Path> classpath, List<String> extraFileGlobs) {
        long start = System.nanoTime();
        try {
            Files.createDirectories(scratchDirectory);
        } catch (IOException e) {
            throw new CloudistException("Cannot create " + scratchDirectory + ": " + e.getMessage(), e);
        }
        List<BlobRef> cp = new ArrayList<>();
        for (Path entry : classpath) {
            if (Files.isDirectory(entry)) {
                cp.add(directory(entry));
            } else if (Files.isRegularFile(entry)) {
                cp.add(jar(entry));
            } else if (Files.exists(entry)) {
                throw new CloudistException("Classpath entry " + entry + " is neither a file nor a directory");
            }
        }
        ExtraFiles extra = ExtraFiles.match(moduleDirectory, extraFileGlobs);
        List<BlobRef> files = new ArrayList<>();
        if (!extra.relativePaths().isEmpty()) {
            files.add(archive(moduleDirectory, extra.relativePaths(), BlobRef.Kind.FILES, ""));
        }
        return new Shipment(
                cp,
                files,
                extra.unmatchedGlobs(),
                refs.size(),
                uploaded,
                bytesUploaded,
                bytesTotal,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private BlobRef jar(Path jar) {
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
        } catch (IOException e) {
            throw new CloudistException("Cannot read classpath directory " + dir + ": " + e.getMessage(), e);
        }
        return archive(absolute, files, BlobRef.Kind.DIRECTORY, where);
    }

    private BlobRef archive(Path base, List<String> files, BlobRef.Kind kind, String where) {
        Path archive = scratchDirectory.resolve("archive-" + refs.size() + ".zip");
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
        String key = StoreKeys.blob(sha);
        if (!store.exists(key)) {
            store.putFile(key, file);
            uploaded++;
            bytesUploaded += size;
        }
        bytesTotal += size;
        BlobRef ref = new BlobRef(sha, size, kind, path);
        refs.add(ref);
        return ref;
    }
}
