package io.cloudist.its.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Fresh copies of fixture projects, with {@code @project.version@} in their POMs replaced by cloudist's version. */
public final class Fixtures {
    private static final String VERSION_TOKEN = "@project.version@";

    private final ItEnvironment environment;

    public Fixtures(ItEnvironment environment) {
        this.environment = environment;
    }

    /** Copies {@code src/it/projects/<name>} to {@code target/its/<name>-<variant>}, replacing any earlier copy. */
    public Path copy(String name, String variant) {
        return copy(environment.projects().resolve(name), name + "-" + variant);
    }

    /** Copies {@code examples/<name>} to {@code target/its/example-<name>-<variant>}. */
    public Path copyExample(String name, String variant) {
        return copy(environment.examples().resolve(name), "example-" + name + "-" + variant);
    }

    private Path copy(Path source, String copyName) {
        if (!Files.isRegularFile(source.resolve("pom.xml"))) {
            throw new IllegalArgumentException("Not a Maven project: " + source);
        }
        Path target = environment.work().resolve(copyName);
        try {
            Directories.deleteRecursively(target);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path relative = source.relativize(file);
                    if (!relative.toString().isEmpty()
                            && relative.getName(0).toString().equals("target")) {
                        continue;
                    }
                    copyOne(file, target.resolve(relative.toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + source + " to " + target, e);
        }
        return target;
    }

    private void copyOne(Path file, Path destination) throws IOException {
        if (Files.isDirectory(file)) {
            Files.createDirectories(destination);
        } else if (file.getFileName().toString().equals("pom.xml")) {
            String pom = Files.readString(file, StandardCharsets.UTF_8);
            Files.writeString(destination, pom.replace(VERSION_TOKEN, environment.version()), StandardCharsets.UTF_8);
        } else {
            Files.copy(file, destination);
        }
    }
}
