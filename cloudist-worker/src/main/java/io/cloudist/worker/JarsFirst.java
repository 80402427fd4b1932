package io.cloudist.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * A test classpath with its jars moved before its directories, where that changes nothing a test can find. A class
 * data archive can hold the classes of a classpath's jars only if every jar comes before every non-empty directory
 * (the JVM refuses to archive, or to map an archive for, a classpath with a non-empty directory before a jar), and
 * Maven's test classpath starts with {@code target/test-classes} and {@code target/classes}.
 *
 * <p>Moving the jars first keeps the order among the jars and among the directories, so only a name found both in a
 * directory and in a jar would be found elsewhere: a class or a resource (a {@code logback-test.xml} that overrides a
 * jar's, a service file both provide), or a package directory that holds files in a directory and is an entry of a
 * jar ({@code getResource("")} from a test, a scan of a package). Where there is such a name, or a jar whose manifest
 * names more classpath entries, the order stays as it is.
 *
 * @param classpath the classpath to start the JVM with
 * @param jarCount how many entries it starts with that are jars
 * @param conflict why the jars cannot come first; "" when they do
 */
record JarsFirst(List<Path> classpath, int jarCount, String conflict) {
    JarsFirst {
        classpath = List.copyOf(classpath);
    }

    /** The jars the classpath starts with: what an archive can hold. */
    List<Path> jars() {
        return classpath.subList(0, jarCount);
    }

    boolean possible() {
        return conflict.isEmpty() && jarCount > 0;
    }

    /** The classpath with its jars first, or as it is with the reason when a test could tell the difference. */
    static JarsFirst of(List<Path> classpath) {
        return of(classpath, null);
    }

    /**
     * As {@link #of(List)}, with the verdict kept in a file named {@code <verdicts><hash of the directories' names>}:
     * for the same jars (which {@code verdicts} must name) and the same names, the next worker or run reads it
     * instead of opening every jar again.
     *
     * @param verdicts the start of the verdicts' file names, unique to the jars; null to keep none
     */
    static JarsFirst of(List<Path> classpath, String verdicts) {
        List<Path> jars = new ArrayList<>();
        List<Path> others = new ArrayList<>();
        for (Path entry : classpath) {
            (Files.isRegularFile(entry) ? jars : others).add(entry);
        }
        if (jars.isEmpty()) {
            return new JarsFirst(classpath, 0, "the classpath has no jar");
        }
        List<Path> reordered = new ArrayList<>(jars);
        reordered.addAll(others);
        Set<String> names;
        try {
            names = names(others);
        } catch (UncheckedIOException e) {
            return new JarsFirst(classpath, 0, "cannot list the classpath's directories: " + e.getCause());
        }
        Path verdict = verdicts == null ? null : Path.of(verdicts + hash(names));
        String conflict = verdict == null ? null : read(verdict);
        if (conflict == null) {
            conflict = "";
            for (int i = 0; i < jars.size() && conflict.isEmpty(); i++) {
                conflict = conflict(jars.get(i), names);
            }
            if (verdict != null) {
                write(verdict, conflict);
            }
        }
        return conflict.isEmpty() ? new JarsFirst(reordered, jars.size(), "") : new JarsFirst(classpath, 0, conflict);
    }

    private static String hash(Set<String> names) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            new TreeSet<>(names).forEach(name -> digest.update((name + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A verdict kept before: "" when the jars may come first, else why not; null when there is none. */
    private static String read(Path verdict) {
        try {
            return Files.readString(verdict, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static void write(Path verdict, String conflict) {
        try {
            Path partial = verdict.resolveSibling(
                    verdict.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            Files.writeString(partial, conflict, StandardCharsets.UTF_8);
            Files.move(partial, verdict, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the next worker works it out again
        }
    }

    /**
     * What a test can look up in the directories: every file, and every package directory that holds a file (not the
     * directories under {@code META-INF}, which hold no classes), as a class loader names them.
     */
    private static Set<String> names(List<Path> directories) {
        Set<String> names = new HashSet<>();
        for (Path directory : directories) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(directory)) {
                files.filter(Files::isRegularFile).forEach(file -> {
                    String name = name(directory, file);
                    names.add(name);
                    int slash = name.lastIndexOf('/');
                    if (slash > 0 && !name.startsWith("META-INF/")) {
                        names.add(name.substring(0, slash + 1));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    private static String name(Path directory, Path file) {
        return directory
                .relativize(file)
                .toString()
                .replace(file.getFileSystem().getSeparator(), "/");
    }

    /** A name the jar shares with the directories, or a manifest classpath, described; "" for none. */
    private static String conflict(Path jar, Set<String> names) {
        try (JarFile file = new JarFile(jar.toFile(), false, ZipFile.OPEN_READ, JarFile.runtimeVersion())) {
            Manifest manifest = file.getManifest();
            if (manifest != null && manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH) != null) {
                return jar.getFileName() + " names more classpath entries in its manifest";
            }
            Set<String> versioned = file.isMultiRelease() ? versionedNames(file) : Set.of();
            for (String name : names) {
                if (file.getEntry(name) != null || versioned.contains(name)) {
                    return name + " is both in a classpath directory and in " + jar.getFileName();
                }
            }
            return "";
        } catch (IOException e) {
            return "cannot read " + jar.getFileName() + " as a jar: " + e.getMessage();
        }
    }

    /** The names a multi-release jar holds for some Java version, as its base names: any test JVM may see them. */
    private static Set<String> versionedNames(JarFile file) {
        Set<String> names = new HashSet<>();
        String prefix = "META-INF/versions/";
        for (JarEntry entry : (Iterable<JarEntry>) file.stream()::iterator) {
            String name = entry.getName();
            int slash = name.indexOf('/', prefix.length());
            if (name.startsWith(prefix) && slash > 0) {
                names.add(name.substring(slash + 1));
            }
        }
        return names;
    }
}
