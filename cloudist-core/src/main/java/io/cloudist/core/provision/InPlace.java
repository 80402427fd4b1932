package io.cloudist.core.provision;

import io.cloudist.core.CloudistException;
import io.cloudist.core.protocol.Documents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How a worker on the coordinator's own machine runs tests where they are, as Surefire does: in the module directory
 * itself, on the test classpath's own files, with nothing copied. The coordinator hands it to its local workers in a
 * file of its work directory, never through the store.
 *
 * @param schema document schema version
 * @param moduleDirectory the module directory, the test JVM's working directory unless configured otherwise
 * @param classpath the test JVM's classpath, in order
 */
public record InPlace(int schema, String moduleDirectory, List<String> classpath) implements Documents.Versioned {
    public InPlace {
        Objects.requireNonNull(moduleDirectory, "moduleDirectory");
        classpath = List.copyOf(classpath);
    }

    public static InPlace of(Path moduleDirectory, List<Path> classpath) {
        return new InPlace(Documents.SCHEMA, moduleDirectory.toAbsolutePath().normalize().toString(),
                classpath.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList());
    }

    public Path module() {
        return Path.of(moduleDirectory);
    }

    public List<Path> classpathFiles() {
        return classpath.stream().map(Path::of).toList();
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, Documents.write(this));
        } catch (IOException e) {
            throw new CloudistException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static InPlace read(Path file) {
        try {
            return Documents.read(Files.readAllBytes(file), InPlace.class);
        } catch (IOException e) {
            throw new CloudistException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
