package io.cloudist.core.select;

import io.cloudist.core.CloudistException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the test classes a {@link TestSelection} names, by Surefire's rules: every {@code .class} file under each
 * test classes directory, and in each jar of {@code dependenciesToScan}, is matched, by its path, against
 * {@code includes} and {@code excludes} (Surefire's defaults when empty) — or, when {@code test} is set, against
 * {@code test} alone.
 */
public final class TestClassScanner {
    /** Surefire's default includes. */
    public static final List<String> DEFAULT_INCLUDES =
            List.of("**/Test*.java", "**/*Test.java", "**/*Tests.java", "**/*TestCase.java");

    /** Surefire's default excludes: nested and anonymous classes. */
    public static final List<String> DEFAULT_EXCLUDES = List.of("**/*$*");

    private static final String CLASS_SUFFIX = ".class";

    private TestClassScanner() {}

    /** The selected classes' binary names ({@code pkg.Outer$Inner}), sorted and without duplicates. */
    public static List<String> scan(TestSelection selection) {
        TestSpec spec = classSpec(selection);
        SortedSet<String> classNames = new TreeSet<>();
        for (Path directory : selection.testClassesDirectories()) {
            if (Files.isDirectory(directory)) {
                classNames.addAll(scan(directory, spec));
            } else if (Files.isRegularFile(directory)) {
                classNames.addAll(scanJar(directory, spec));
            }
        }
        return List.copyOf(classNames);
    }

    /** The patterns that decide which classes are scanned: {@code test}, or includes and excludes with defaults. */
    static TestSpec classSpec(TestSelection selection) {
        if (!selection.test().isEmpty()) {
            return TestSpec.parse(selection.test());
        }
        List<String> includes = selection.includes().isEmpty() ? DEFAULT_INCLUDES : selection.includes();
        List<String> excludes = selection.excludes().isEmpty() ? DEFAULT_EXCLUDES : selection.excludes();
        return TestSpec.of(includes, excludes);
    }

    private static List<String> scan(Path directory, TestSpec spec) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> toSlashes(directory.relativize(file)))
                    .filter(path -> path.endsWith(CLASS_SUFFIX) && !isDescriptor(path))
                    .filter(spec::matchesClassFile)
                    .map(path -> path.substring(0, path.length() - CLASS_SUFFIX.length())
                            .replace('/', '.'))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new CloudistException("Cannot scan the test classes directory " + directory + ": " + e, e);
        }
    }

    /** The classes of a dependency's jar that the patterns select ({@code dependenciesToScan}). */
    private static List<String> scanJar(Path jar, TestSpec spec) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream()
                    .map(ZipEntry::getName)
                    .filter(path -> path.endsWith(CLASS_SUFFIX) && !isDescriptor(path) && !path.startsWith("META-INF/"))
                    .filter(spec::matchesClassFile)
                    .map(path -> path.substring(0, path.length() - CLASS_SUFFIX.length())
                            .replace('/', '.'))
                    .toList();
        } catch (IOException e) {
            throw new CloudistException("Cannot scan " + jar + " for test classes (dependenciesToScan): " + e, e);
        }
    }

    private static String toSlashes(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    private static boolean isDescriptor(String path) {
        return path.endsWith("module-info.class") || path.endsWith("package-info.class");
    }
}
