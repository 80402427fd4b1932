package io.cloudist.aws.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A base image made of this machine's JDK (the one running the tests), pushed with Jib to a local registry: the
 * tests' stand-in for a JDK image of a public registry, with no network. The JDK sits at {@code /opt/java}, on the
 * image's {@code PATH}.
 */
public final class JdkBaseImage {
    /** What a runtime does without: the JDK's modules for jlink, its documentation and man pages. */
    private static final java.util.Set<String> SKIPPED = java.util.Set.of("jmods", "docs", "man", "demo");

    /** Where the image has its JDK. */
    public static final String JAVA_HOME = "/opt/java";

    private JdkBaseImage() {}

    /**
     * Pushes a base of the JDK, runnable (all but its jmods, docs and sources), to {@code target} as {@code
     * target:jdk}; returns its reference.
     *
     * @param cache Jib's cache directory
     */
    public static String full(ImageTarget target, Path cache) throws Exception {
        return push(target, cache, "jdk", List.of());
    }

    /**
     * Pushes a small base (the JDK's {@code release} file and its {@code java} launcher, which cannot run alone) as
     * {@code target:<tag>}, for tests of what the image is made of rather than of what it runs.
     */
    public static String small(ImageTarget target, Path cache, String tag) throws Exception {
        return push(target, cache, tag, List.of("release", "bin/java"));
    }

    private static String push(ImageTarget target, Path cache, String tag, List<String> only) throws Exception {
        Path home = Path.of(System.getProperty("java.home")).toRealPath();
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("jdk");
        List<Path> files;
        if (only.isEmpty()) {
            try (Stream<Path> walk = Files.walk(home, FileVisitOption.FOLLOW_LINKS)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(f ->
                                !SKIPPED.contains(home.relativize(f).getName(0).toString()))
                        .filter(f -> !f.getFileName().toString().equals("src.zip"))
                        .sorted()
                        .toList();
            }
        } else {
            files = only.stream().map(home::resolve).toList();
        }
        for (Path file : files) {
            String relative = home.relativize(file).toString();
            boolean executable = Files.isExecutable(file);
            layer.addEntry(
                    file,
                    AbsoluteUnixPath.get(JAVA_HOME + "/" + relative),
                    FilePermissions.fromOctalString(executable ? "755" : "644"),
                    Instant.ofEpochSecond(1));
        }
        String reference = target.reference(tag);
        Jib.fromScratch()
                .addFileEntriesLayer(layer.build())
                .setEnvironment(Map.of("PATH", JAVA_HOME + "/bin:/usr/bin:/bin", "JAVA_HOME", JAVA_HOME))
                .containerize(Containerizer.to(RegistryImage.named(reference))
                        .setAllowInsecureRegistries(true)
                        .setBaseImageLayersCache(cache.resolve("base"))
                        .setApplicationLayersCache(cache.resolve("layers")));
        return reference;
    }
}
