package io.cloudist.core.ship;

import io.cloudist.core.CloudistException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * What a test classpath entry is, and the errors for one that cannot be shipped. A missing entry (or a link to
 * nothing) is skipped without a word, as Surefire and the JVM skip it: Maven lists {@code target/classes} even for a
 * module without main classes. An entry that exists but cannot be read stops the run before any worker starts. A jar
 * that is not a zip is shipped as it is, with a warning: the JVM skips it silently, so the tests may pass without it
 * under Surefire (and then must under cloudist), but if one fails with a {@code NoClassDefFoundError} the warning
 * names the cause.
 */
final class ClasspathEntries {
    private static final String WHERE = "It comes from the project's dependencies or <additionalClasspathElements>";

    private ClasspathEntries() {}

    enum Kind {
        DIRECTORY,
        JAR,
        MISSING
    }

    /** @throws CloudistException for an entry that is neither a file nor a directory (a FIFO, a device) */
    static Kind of(Path entry) {
        if (Files.isDirectory(entry)) {
            return Kind.DIRECTORY;
        }
        if (Files.isRegularFile(entry)) {
            return Kind.JAR;
        }
        if (!Files.exists(entry) || !Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
            return Kind.MISSING;
        }
        throw new CloudistException("Classpath entry " + entry + " is neither a jar nor a directory. " + WHERE
                + ": replace it with a jar or a class directory, or remove it.");
    }

    /**
     * Opens {@code jar} as a zip, as the test JVM will.
     *
     * @return a warning when it is not a zip, which the test JVM will skip
     * @throws CloudistException when it cannot be read
     */
    static Optional<String> checkJar(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.size();
            return Optional.empty();
        } catch (ZipException e) {
            return Optional.of("Classpath entry " + jar + " is not a valid jar (" + e.getMessage() + "); test JVMs"
                    + " skip it, as they do under Surefire. " + WHERE + ": for a dependency, delete it from the local"
                    + " Maven repository and build again so that Maven downloads it anew; otherwise rebuild or replace"
                    + " it.");
        } catch (IOException e) {
            throw unreadable(jar, e);
        }
    }

    /** The error for an entry, or a file inside a class directory, that cannot be read. */
    static CloudistException unreadable(Path path, IOException e) {
        String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : path.toString();
        return new CloudistException(
                "Cannot read classpath entry " + file + " (" + reason(e) + "). " + WHERE
                        + ": make it readable by the user that runs Maven, or remove it.",
                e);
    }

    /** A short reason for an I/O error; the JDK's messages for these name only the path. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof FileNotFoundException
                && e.getMessage() != null
                && e.getMessage().endsWith(")")) {
            // java.io's "<path> (Permission denied)"
            String why = e.getMessage()
                    .substring(
                            e.getMessage().lastIndexOf('(') + 1, e.getMessage().length() - 1);
            return why.toLowerCase(Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
