package io.cloudist.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies a file, or a directory with everything in it, for tests that lay out a module or a cache by hand. */
public final class TreeCopy {
    private TreeCopy() {}

    /** Copies {@code from} (a file or a directory tree) to {@code to}, making the directories it needs. */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.toAbsolutePath().getParent());
                    Files.copy(file, target);
                }
            }
        }
    }
}
