package io.cloudist.core.provision;

import io.cloudist.core.discover.DiscoveryCache;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Class data sharing for local worker agents. Every agent loads the same thousand-odd classes (Jackson, cloudist)
 * from the same jars, and with many local workers on few cores their start-up is what the test JVMs wait for. The
 * first agent started without an archive writes one when it exits ({@code -XX:ArchiveClassesAtExit}, JDK 13 and
 * later); later agents map it ({@code -XX:SharedArchiveFile}), which halves an agent's start-up CPU.
 *
 * <p>The archive's name carries a hash of the java and of every agent jar's path, size and modification time, so a
 * new JDK or a rebuilt cloudist gets a new archive; older ones are deleted when it is written. A JVM that cannot map
 * an archive warns and runs without it, so a damaged archive costs speed, never a run.
 */
final class AgentClassData {
    private static final Logger LOG = LoggerFactory.getLogger(AgentClassData.class);
    private static final String PREFIX = "agent-";
    private static final String SUFFIX = ".jsa";
    private static final String WRITE = "-XX:ArchiveClassesAtExit=";

    private final Path archive;
    private boolean writerStarted;

    /**
     * @param java the java that runs the agents
     * @param classpath the agents' classpath
     * @param directory where archives are kept
     */
    AgentClassData(Path java, List<Path> classpath, Path directory) {
        List<String> parts = new ArrayList<>();
        parts.add(java.toAbsolutePath().toString());
        parts.add(fingerprint(runtimeImage(java)));
        classpath.forEach(entry -> parts.add(entry.toAbsolutePath() + "|" + fingerprint(entry)));
        this.archive = directory.resolve(PREFIX + DiscoveryCache.key(parts).substring(0, 16) + SUFFIX);
    }

    /** The archive for this java and classpath, whether or not it exists yet. */
    Path archive() {
        return archive;
    }

    /**
     * The JVM options for the next agent: map the archive when it exists; otherwise the first agent asked for writes
     * it on exit and the others run without one.
     */
    synchronized List<String> nextAgentOptions() {
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive);
        }
        if (writerStarted) {
            return List.of();
        }
        writerStarted = true;
        deleteOlderArchives();
        return List.of(WRITE + archive);
    }

    /** True when these options make the agent write the archive. */
    static boolean writes(List<String> options) {
        return options.stream().anyMatch(o -> o.startsWith(WRITE));
    }

    /** Deletes the archive, e.g. when its writer was killed before it finished writing. */
    void discard() {
        try {
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            LOG.debug("Cannot delete the agent class data archive {}", archive, e);
        }
    }

    private void deleteOlderArchives() {
        Path directory = archive.getParent();
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> old = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
            for (Path file : old) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.debug("Cannot delete older agent class data archives in {}", directory, e);
        }
    }

    /** The JDK's module image, which changes with every JDK update; its size and time identify the runtime. */
    private static Path runtimeImage(Path java) {
        Path home = java.toAbsolutePath().getParent().getParent();
        return home == null ? java : home.resolve("lib").resolve("modules");
    }

    private static String fingerprint(Path file) {
        try {
            return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return "missing";
        }
    }
}
