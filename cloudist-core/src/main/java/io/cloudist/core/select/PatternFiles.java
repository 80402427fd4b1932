package io.cloudist.core.select;

import io.cloudist.core.CloudistException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads Surefire's {@code includesFile} and {@code excludesFile}: one pattern a line, {@code #} comments. */
public final class PatternFiles {
    private PatternFiles() {}

    /**
     * The patterns of {@code file}: lines trimmed; blank lines and lines starting with {@code #} skipped.
     *
     * @throws CloudistException when the file cannot be read
     */
    public static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new CloudistException("Cannot read the test pattern file " + file + ": " + e, e);
        }
    }
}
