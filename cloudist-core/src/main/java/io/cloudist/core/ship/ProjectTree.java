package io.cloudist.core.ship;

import io.cloudist.core.CloudistException;
import io.cloudist.core.CloudistParameters;
import io.cloudist.core.ConfigurationException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The project's files that travel with its tests to workers that run elsewhere: every file under the project's root
 * directory (the reactor root, so that a module's tests find {@code ../sibling/...} too), except version control
 * metadata, build output (the directories of the build, and {@code target} beside a {@code pom.xml}), files that
 * hold credentials by convention ({@link #CREDENTIALS}) and what the user excludes. Classpath directories are build
 * output too: they travel as classpath entries.
 *
 * @param root the project's root directory
 * @param buildDirectories the build directories of the reactor's modules
 * @param excludes globs, relative to the root, of files not to ship ({@code <fileExcludes>})
 */
public record ProjectTree(Path root, List<Path> buildDirectories, List<String> excludes) {
    /** Directories of version control systems, never shipped. */
    static final Set<String> VCS = Set.of(".git", ".svn", ".hg", ".bzr", "CVS", ".jj");

    /**
     * Files and directories that hold credentials by convention, never shipped: dotenv files, AWS, SSH and GnuPG
     * directories, and the credential files of git, npm, PyPI and curl/ftp.
     */
    static final List<String> CREDENTIALS = List.of(
            "**/.env",
            "**/.env.*",
            "**/.aws/**",
            "**/.ssh/**",
            "**/.gnupg/**",
            "**/.netrc",
            "**/.git-credentials",
            "**/.npmrc",
            "**/.pypirc",
            "**/id_rsa",
            "**/id_ecdsa",
            "**/id_ed25519");

    public ProjectTree {
        root = root.toAbsolutePath().normalize();
        buildDirectories = buildDirectories.stream()
                .map(p -> p.toAbsolutePath().normalize())
                .toList();
        excludes = excludes.stream().map(String::trim).filter(g -> !g.isEmpty()).toList();
        for (String glob : excludes) {
            if (glob.startsWith("/") || glob.contains("..")) {
                throw new ConfigurationException(
                        CloudistParameters.FILE_EXCLUDES,
                        glob,
                        "write globs relative to the project's root directory, e.g. docs/** or **/*.iso");
            }
        }
    }

    /** One file to ship, with what tells whether it changed. */
    record File(String path, long size, long modifiedMillis) {
        File {
            Objects.requireNonNull(path, "path");
        }
    }

    /** The files to ship, sorted by their root-relative path ({@code /}-separated). */
    List<File> scan() {
        List<PathMatcher> matchers = java.util.stream.Stream.concat(CREDENTIALS.stream(), excludes.stream())
                .flatMap(glob -> glob.startsWith("**/")
                        ? java.util.stream.Stream.of(glob, glob.substring(3))
                        : java.util.stream.Stream.of(glob))
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
                .toList();
        List<File> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.equals(root) || !skipped(dir, matchers)
                            ? FileVisitResult.CONTINUE
                            : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Path relative = root.relativize(file);
                    boolean regular = attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(file);
                    if (regular && matchers.stream().noneMatch(m -> m.matches(relative))) {
                        BasicFileAttributes target =
                                attrs.isSymbolicLink() ? Files.readAttributes(file, BasicFileAttributes.class) : attrs;
                        files.add(new File(
                                slashes(relative),
                                target.size(),
                                target.lastModifiedTime().toMillis()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new CloudistException(
                    "Cannot read the project's files under " + root + " ("
                            + ClasspathEntries.reason(e)
                            + "): make them readable by the user that runs Maven, or leave them"
                            + " out with " + CloudistParameters.FILE_EXCLUDES.displayName() + ".",
                    e);
        }
        files.sort((a, b) -> a.path().compareTo(b.path()));
        return files;
    }

    private boolean skipped(Path dir, List<PathMatcher> matchers) {
        String name = dir.getFileName().toString();
        if (VCS.contains(name) || buildDirectories.contains(dir)) {
            return true;
        }
        if (name.equals("target") && Files.isRegularFile(dir.resolveSibling("pom.xml"))) {
            return true;
        }
        Path relative = root.relativize(dir);
        return matchers.stream().anyMatch(m -> m.matches(relative) || m.matches(relative.resolve("x")));
    }

    static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
