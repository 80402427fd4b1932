package io.cloudist.core.jvm;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log file, for messages about a JVM that died. */
public final class Tail {
    private static final int MAX_BYTES = 16 * 1024;

    private Tail() {}

    public static String of(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no output)";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int size = (int) Math.min(length, MAX_BYTES);
            byte[] bytes = new byte[size];
            raf.seek(length - size);
            raf.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n"));
            String text = String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()))
                    .strip();
            return text.isEmpty() ? "(no output)" : text;
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }
}
