package io.cloudist.core.provision;

import io.cloudist.core.CloudistException;
import io.cloudist.core.jvm.OwnerOnlyFiles;
import io.cloudist.core.protocol.Documents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a worker on the coordinator's own machine runs tests where they are, as Surefire does: in each module directory
 * itself, on the test classpath's own files, with nothing copied. The coordinator hands it to its local workers in a
 * file of its work directory, never through the store.
 *
 * @param schema document schema version
 * @param modules the run's modules, named as the manifest names them
 */
public record InPlace(int schema, List<Module> modules) implements Documents.Versioned {
    public InPlace {
        modules = modules == null ? List.of() : List.copyOf(modules);
    }

    /**
     * One module, where it is.
     *
     * @param module the module's {@code groupId:artifactId}, as the manifest names it; "" in a run of one module
     * @param moduleDirectory the module directory, the test JVM's working directory unless configured otherwise
     * @param classpath the test JVM's classpath, in order
     * @param secretProperties system properties that look secret, withheld from the store: a local test JVM gets
     *     them as Surefire's fork does, through a file only its user reads
     * @param secretEnvironment environment variables that look secret, withheld from the store
     */
    public record Module(
            String module,
            String moduleDirectory,
            List<String> classpath,
            Map<String, String> secretProperties,
            Map<String, String> secretEnvironment) {
        public Module {
            module = Objects.requireNonNullElse(module, "");
            Objects.requireNonNull(moduleDirectory, "moduleDirectory");
            classpath = List.copyOf(classpath);
            secretProperties = secretProperties == null ? Map.of() : Map.copyOf(secretProperties);
            secretEnvironment = secretEnvironment == null ? Map.of() : Map.copyOf(secretEnvironment);
        }

        public static Module of(
                String module,
                Path moduleDirectory,
                List<Path> classpath,
                Map<String, String> secretProperties,
                Map<String, String> secretEnvironment) {
            return new Module(
                    module,
                    moduleDirectory.toAbsolutePath().normalize().toString(),
                    classpath.stream()
                            .map(p -> p.toAbsolutePath().normalize().toString())
                            .toList(),
                    secretProperties,
                    secretEnvironment);
        }

        public Path directory() {
            return Path.of(moduleDirectory);
        }

        public List<Path> classpathFiles() {
            return classpath.stream().map(Path::of).toList();
        }
    }

    /** One module of a run of one module. */
    public static InPlace of(Path moduleDirectory, List<Path> classpath) {
        return of(List.of(Module.of("", moduleDirectory, classpath, Map.of(), Map.of())));
    }

    public static InPlace of(List<Module> modules) {
        return new InPlace(Documents.SCHEMA, modules);
    }

    /** The module an assignment names; "" names the only one of a run of one module. */
    public Module module(String name) {
        return modules.stream()
                .filter(m -> m.module().equals(name) || name.isEmpty() && modules.size() == 1)
                .findFirst()
                .orElseThrow(() -> new CloudistException("The local run has no module " + name));
    }

    /** Writes the file, readable by its owner only: it may hold secrets. */
    public void write(Path file) {
        OwnerOnlyFiles.write(file, new String(Documents.write(this), StandardCharsets.UTF_8));
    }

    public static InPlace read(Path file) {
        try {
            return Documents.read(Files.readAllBytes(file), InPlace.class);
        } catch (IOException e) {
            throw new CloudistException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
