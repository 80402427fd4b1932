package io.cloudist.runner;

import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A UTF-8 JSON-lines file. Every line is flushed to the operating system as soon as it is written, so a test JVM
 * that dies leaves every earlier line on disk.
 */
final class EventFile implements Closeable {
    private final Writer writer;

    private EventFile(Writer writer) {
        this.writer = writer;
    }

    private EventFile(Path file, boolean append) throws IOException {
        this(new OutputStreamWriter(new FileOutputStream(file.toFile(), append), StandardCharsets.UTF_8));
    }

    /** A file that forgets every line written to it. */
    static EventFile discarding() {
        return new EventFile(new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {}

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
    }

    /** Opens {@code file} for appending, creating it if needed. */
    static EventFile append(Path file) throws IOException {
        return new EventFile(file, true);
    }

    /** Opens {@code file}, replacing what it held. */
    static EventFile replace(Path file) throws IOException {
        return new EventFile(file, false);
    }

    /** Writes one line and flushes it. */
    synchronized void write(JsonObject line) {
        try {
            writer.write(line.toString());
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
