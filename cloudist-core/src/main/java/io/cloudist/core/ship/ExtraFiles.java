package io.cloudist.core.ship;

import io.cloudist.core.CloudistException;
import io.cloudist.core.CloudistParameters;
import io.cloudist.core.ConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files that {@code extraFiles} globs select, relative to the module directory: files outside the project that
 * workers elsewhere need too, such as {@code ../../shared-fixtures/**}. Each glob is walked from its longest literal
 * directory prefix, so {@code src/test/resources/**} never walks the rest of the module; {@code ..} may appear in
 * that prefix only.
 */
record ExtraFiles(List<String> relativePaths, List<String> unmatchedGlobs) {

    static ExtraFiles match(Path moduleDirectory, List<String> globs) {
        TreeSet<String> paths = new TreeSet<>();
        List<String> unmatched = new ArrayList<>();
        for (String raw : globs) {
            String glob = raw.trim().replace('\\', '/');
            if (glob.isEmpty()) {
                continue;
            }
            if (glob.startsWith("/")
                    || glob.matches("^[A-Za-z]:.*")
                    || glob.substring(literalPrefix(glob).length()).contains("..")) {
                throw new ConfigurationException(
                        CloudistParameters.EXTRA_FILES,
                        raw.trim(),
                        "write globs relative to"
                                + " the module directory, with .. only before the first wildcard, e.g. ../../shared-data/**");
            }
            if (!collect(moduleDirectory, glob, paths)) {
                unmatched.add(raw.trim());
            }
        }
        return new ExtraFiles(List.copyOf(paths), unmatched);
    }

    /**
     * The deepest directory that holds {@code start} and the base directory of every glob: the root a bundle needs
     * so that the globs' files keep their places relative to the module.
     */
    static Path root(Path start, Path moduleDirectory, List<String> globs) {
        Path root = start.toAbsolutePath().normalize();
        for (String raw : globs) {
            String glob = raw.trim().replace('\\', '/');
            if (glob.isEmpty()) {
                continue;
            }
            Path base = moduleDirectory
                    .toAbsolutePath()
                    .resolve(literalPrefix(glob))
                    .normalize();
            while (!base.startsWith(root) && root.getParent() != null) {
                root = root.getParent();
            }
        }
        return root;
    }

    private static boolean collect(Path moduleDirectory, String glob, TreeSet<String> into) {
        Path start = moduleDirectory.resolve(literalPrefix(glob)).normalize();
        if (!Files.exists(start)) {
            return false;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        boolean any = false;
        try (Stream<Path> walk = Files.walk(start)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                Path relative = moduleDirectory
                        .toAbsolutePath()
                        .normalize()
                        .relativize(p.toAbsolutePath().normalize());
                if (matcher.matches(relative)) {
                    into.add(relative.toString().replace('\\', '/'));
                    any = true;
                }
            }
        } catch (UncheckedIOException e) {
            throw unreadable(start, e.getCause());
        } catch (IOException e) {
            throw unreadable(start, e);
        }
        return any;
    }

    private static CloudistException unreadable(Path start, IOException e) {
        return new CloudistException(
                "Cannot read extra files under " + start + " (" + ClasspathEntries.reason(e)
                        + "): make them readable by the user that runs Maven, or change "
                        + CloudistParameters.EXTRA_FILES.displayName() + ".",
                e);
    }

    private static String literalPrefix(String glob) {
        String[] parts = glob.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].matches(".*[*?\\[{].*")) {
                break;
            }
            prefix.append(parts[i]).append('/');
        }
        return prefix.toString();
    }
}
