package io.cloudist.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A warm worker keeps only the module copy of its current run (the blob cache stays). */
final class RunDirectories {
    private static final Logger LOG = LoggerFactory.getLogger(RunDirectories.class);

    private RunDirectories() {}

    static void deleteOthers(Path workerDirectory, Path keep) {
        if (!Files.isDirectory(workerDirectory)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(workerDirectory)) {
            dirs.filter(d -> d.getFileName().toString().startsWith("run-") && !d.equals(keep))
                    .forEach(RunDirectories::delete);
        } catch (IOException e) {
            LOG.warn("Cannot list {}: {}", workerDirectory, e.getMessage());
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", dir, e.getMessage());
        }
    }
}
