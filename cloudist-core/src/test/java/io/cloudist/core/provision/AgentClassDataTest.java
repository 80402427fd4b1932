package io.cloudist.core.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentClassDataTest {
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;

    @Test
    void firstAgentWritesTheArchiveAndTheOthersRunWithoutUntilItExists() throws IOException {
        Path jar = fixtureJar();
        AgentClassData data = new AgentClassData(JAVA, List.of(jar), dir);

        List<String> first = data.nextAgentOptions();
        List<String> second = data.nextAgentOptions();

        assertThat(first).containsExactly("-XX:ArchiveClassesAtExit=" + data.archive());
        assertThat(AgentClassData.writes(first)).isTrue();
        assertThat(second).isEmpty();
        assertThat(AgentClassData.writes(second)).isFalse();

        Files.writeString(data.archive(), "written");
        assertThat(data.nextAgentOptions()).containsExactly("-XX:SharedArchiveFile=" + data.archive());
    }

    @Test
    void aRebuiltAgentJarGetsANewArchiveAndTheOldOneIsDeletedWhenItIsWritten() throws IOException {
        Path jar = fixtureJar();
        AgentClassData before = new AgentClassData(JAVA, List.of(jar), dir);
        Files.writeString(before.archive(), "old");

        Files.setLastModifiedTime(
                jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        AgentClassData after = new AgentClassData(JAVA, List.of(jar), dir);

        assertThat(after.archive()).isNotEqualTo(before.archive());
        assertThat(after.nextAgentOptions()).containsExactly("-XX:ArchiveClassesAtExit=" + after.archive());
        assertThat(before.archive()).doesNotExist();
    }

    @Test
    void aDiscardedArchiveIsWrittenAgainByTheNextRun() throws IOException {
        AgentClassData data = new AgentClassData(JAVA, List.of(fixtureJar()), dir);
        Files.writeString(data.archive(), "partial");

        data.discard();

        assertThat(data.archive()).doesNotExist();
        assertThat(AgentClassData.writes(new AgentClassData(JAVA, List.of(fixtureJar()), dir).nextAgentOptions()))
                .isTrue();
    }

    @Test
    void theRunningJdkWritesAnArchiveThatTheNextAgentMaps() throws Exception {
        Path jar = fixtureJar();
        AgentClassData data = new AgentClassData(JAVA, List.of(jar), dir);

        Run writer = java(data.nextAgentOptions(), jar);
        assertThat(writer.exit()).as(writer.output()).isZero();
        assertThat(data.archive()).isNotEmptyFile();

        // -Xshare:on makes an archive that cannot be mapped fatal; class+load names where each class came from.
        List<String> reader = new ArrayList<>(data.nextAgentOptions());
        reader.addAll(List.of("-Xshare:on", "-Xlog:class+load=info"));
        Run mapped = java(reader, jar);
        assertThat(mapped.exit()).as(mapped.output()).isZero();
        assertThat(mapped.output())
                .contains("agent fixture ran")
                .containsPattern("AgentFixtureMain source: shared objects file \\(top\\)");
    }

    private record Run(int exit, String output) {}

    private Run java(List<String> options, Path jar) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-XX:+UseSerialGC"));
        command.addAll(options);
        command.addAll(List.of("-cp", jar.toString(), AgentFixtureMain.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    /** Class data sharing archives classes from jars only, as the agent's classpath is. */
    private Path fixtureJar() throws IOException {
        Path jar = dir.resolve("agent.jar");
        if (Files.exists(jar)) {
            return jar;
        }
        String entry = AgentFixtureMain.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                InputStream in = AgentFixtureMain.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
