package io.cloudist.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.jvm.ClassDataArchive.Writing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final Duration WEEK = Duration.ofDays(7);

    @TempDir
    Path dir;

    @Test
    void aJvmWritesTheArchiveAndTheNextJvmMapsIt() throws Exception {
        Path jar = fixtureJar();
        ClassDataArchive data = archive(jar);
        assertThat(data.usable()).isFalse();

        assertThat(writeWithAJvm(data)).isTrue();

        assertThat(data.usable()).isTrue();
        assertThat(data.archive()).isNotEmptyFile();
        // -Xshare:on makes an archive that cannot be mapped fatal; class+load names where each class came from.
        List<String> options = new ArrayList<>(data.mapOptions());
        options.addAll(List.of("-Xshare:on", "-Xlog:class+load=info"));
        Run mapped = java(options, jar);
        assertThat(mapped.exit()).as(mapped.output()).isZero();
        assertThat(mapped.output())
                .contains("class data fixture ran")
                .containsPattern("ClassDataFixtureMain source: shared objects file \\(top\\)");
    }

    @Test
    void onlyOneWriterHoldsTheArchiveAtATimeAndAClosedWritingLeavesNothing() throws IOException {
        ClassDataArchive data = archive(fixtureJar());

        Optional<Writing> first = data.claim();
        assertThat(first).isPresent();
        assertThat(data.claim()).isEmpty();
        Files.writeString(first.get().file(), "half an archive");
        first.get().close();

        assertThat(first.get().file()).doesNotExist();
        assertThat(data.failed()).isFalse();
        try (Writing again = data.claim().orElseThrow()) {
            assertThat(again.writeOptions())
                    .containsExactly(ClassDataArchive.WRITE + again.file(), ClassDataArchive.QUIET);
            assertThat(again.file()).isNotEqualTo(data.archive());
        }
    }

    @Test
    void aWriterInAnotherProcessHoldsTheArchiveUntilItEnds() throws Exception {
        Path jar = fixtureJar();
        Process other = new ProcessBuilder(
                        JAVA.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ClassDataClaimMain.class.getName(),
                        dir.toString(),
                        JAVA.toString(),
                        jar.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader said =
                    new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(said.readLine()).isEqualTo("claimed");

            assertThat(archive(jar).claim()).isEmpty();
            assertThat(ClassDataArchive.awaitWriters(dir, Duration.ofMillis(200)))
                    .isTrue();

            other.getOutputStream().close();
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(ClassDataArchive.awaitWriters(dir, Duration.ofSeconds(5)))
                    .isFalse();
            try (Writing mine = archive(jar).claim().orElseThrow()) {
                assertThat(mine.file().getParent()).isEqualTo(dir);
            }
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aChangedJarJavaOrOptionGivesANewArchive() throws IOException {
        Path jar = fixtureJar();
        Path otherJava = fakeJava("other-jdk");
        ClassDataArchive before = archive(jar);

        ClassDataArchive withOption = new ClassDataArchive(dir, "test-", JAVA, List.of(jar), List.of("-Xmx64g"), WEEK);
        ClassDataArchive withOtherJava = new ClassDataArchive(dir, "test-", otherJava, List.of(jar), List.of(), WEEK);
        Path modules = otherJava.getParent().getParent().resolve("lib/modules");
        Files.setLastModifiedTime(
                modules, FileTime.fromMillis(Files.getLastModifiedTime(modules).toMillis() + 60_000));
        ClassDataArchive withUpdatedJava = new ClassDataArchive(dir, "test-", otherJava, List.of(jar), List.of(), WEEK);
        Files.setLastModifiedTime(
                jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        ClassDataArchive withRebuiltJar = archive(jar);

        assertThat(List.of(
                        before.archive(),
                        withOption.archive(),
                        withOtherJava.archive(),
                        withUpdatedJava.archive(),
                        withRebuiltJar.archive()))
                .doesNotHaveDuplicates()
                .allSatisfy(
                        archive -> assertThat(archive.getFileName().toString()).matches("test-[0-9a-f]{16}\\.jsa"));
        assertThat(archive(jar).archive()).isEqualTo(withRebuiltJar.archive());
    }

    @Test
    void anArchiveThatChangedSizeIsNeitherMappedNorKept() throws Exception {
        ClassDataArchive data = archive(fixtureJar());
        assertThat(writeWithAJvm(data)).isTrue();
        byte[] whole = Files.readAllBytes(data.archive());

        Files.write(data.archive(), Arrays.copyOf(whole, whole.length / 2));

        assertThat(data.usable()).isFalse();
        assertThat(data.archive()).doesNotExist();
        assertThat(data.claim()).isPresent();
    }

    @Test
    void anArchiveDamagedAfterItWasWrittenIsNotMappedButWrittenAgain() throws Exception {
        ClassDataArchive data = archive(fixtureJar());
        assertThat(writeWithAJvm(data)).isTrue();
        damage(data.archive());

        ClassDataArchive again = archive(fixtureJar());

        assertThat(again.usable()).isFalse();
        assertThat(again.archive()).doesNotExist();
        assertThat(again.failed()).isFalse();
        assertThat(writeWithAJvm(again)).isTrue();
    }

    @Test
    void aJvmRunsWithoutADamagedArchiveAndSaysNothingOfIt() throws Exception {
        Path jar = fixtureJar();
        ClassDataArchive data = archive(jar);
        assertThat(writeWithAJvm(data)).isTrue();
        damage(data.archive());

        Run checked = java(data.mapOptions(), jar);

        // It checks the archive's checksums before it maps it (damage in the wrong place makes a JVM that does not
        // abort as it starts), and keeps its warning to itself.
        assertThat(checked.exit()).as(checked.output()).isZero();
        assertThat(checked.output().strip()).isEqualTo("class data fixture ran");
    }

    @Test
    void whatNoJvmMapsIsNotKeptAndTheArchiveIsNotTriedAgain() throws IOException {
        ClassDataArchive data = archive(fixtureJar());
        Writing writing = data.claim().orElseThrow();
        Files.writeString(writing.file(), "not an archive");

        assertThat(writing.commit()).isFalse();
        writing.close();

        assertThat(data.usable()).isFalse();
        assertThat(data.failed()).isTrue();
        assertThat(data.archive()).doesNotExist();
        assertThat(writing.file()).doesNotExist();
        assertThat(data.claim()).isEmpty();
    }

    @Test
    void aDiscardedArchiveIsNeitherMappedNorWrittenAgain() throws Exception {
        ClassDataArchive data = archive(fixtureJar());
        assertThat(writeWithAJvm(data)).isTrue();

        data.discard();

        assertThat(data.usable()).isFalse();
        assertThat(data.archive()).doesNotExist();
        assertThat(data.claim()).isEmpty();
    }

    @Test
    void writingAnArchiveDeletesThoseOfItsKindUnusedForLongerThanItsKeepTime() throws Exception {
        long now = System.currentTimeMillis();
        Path stale = aged("test-00000000000000aa.jsa", now - WEEK.toMillis() - 60_000);
        Path staleSize = aged("test-00000000000000aa.jsa.sum", now - WEEK.toMillis() - 60_000);
        Path staleFailed = aged("test-00000000000000bb.failed", now - WEEK.toMillis() - 60_000);
        Path used = aged("test-00000000000000cc.jsa", now - WEEK.toMillis() - 60_000);
        Path usedSize = aged("test-00000000000000cc.jsa.sum", now - 60_000);
        Path killedWriter =
                aged("test-00000000000000dd.1234.tmp", now - Duration.ofHours(2).toMillis());
        Path writing = aged("test-00000000000000ee.5678.tmp", now - 60_000);
        Path agents = aged("agent-00000000000000ff.jsa", now - WEEK.toMillis() - 60_000);

        ClassDataArchive data = archive(fixtureJar());
        assertThat(writeWithAJvm(data)).isTrue();

        assertThat(stale).doesNotExist();
        assertThat(staleSize).doesNotExist();
        assertThat(staleFailed).doesNotExist();
        assertThat(killedWriter).doesNotExist();
        assertThat(used).exists();
        assertThat(usedSize).exists();
        assertThat(writing).exists();
        assertThat(agents).exists();
        assertThat(data.archive()).exists();
    }

    @Test
    void anArchiveKeptForNoTimeReplacesEveryOtherOfItsKind() throws Exception {
        Path older = aged("agent-00000000000000aa.jsa", System.currentTimeMillis() - 60_000);
        Path jar = fixtureJar();
        ClassDataArchive data = new ClassDataArchive(dir, "agent-", JAVA, List.of(jar), List.of(), Duration.ZERO);

        assertThat(writeWithAJvm(data)).isTrue();

        assertThat(older).doesNotExist();
        assertThat(data.usable()).isTrue();
    }

    /** Changes 4 KiB in the middle of a file, keeping its size. */
    private static void damage(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = bytes.length / 2; i < Math.min(bytes.length, bytes.length / 2 + 4096); i++) {
            bytes[i] ^= 0x5a;
        }
        Files.write(file, bytes);
    }

    private ClassDataArchive archive(Path jar) {
        return new ClassDataArchive(dir, "test-", JAVA, List.of(jar), List.of(), WEEK);
    }

    private Path aged(String name, long millis) throws IOException {
        Path file = Files.writeString(dir.resolve(name), "x");
        Files.setLastModifiedTime(file, FileTime.fromMillis(millis));
        return file;
    }

    /** Runs the fixture in a JVM that writes the archive as it exits, then commits what it wrote. */
    private static boolean writeWithAJvm(ClassDataArchive data) throws Exception {
        try (Writing writing = data.claim().orElseThrow()) {
            Run writer = java(writing.writeOptions(), data.jars().get(0));
            assertThat(writer.exit()).as(writer.output()).isZero();
            assertThat(writer.output()).doesNotContain("[cds");
            return writing.commit();
        }
    }

    private record Run(int exit, String output) {}

    private static Run java(List<String> options, Path jar) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-XX:+UseSerialGC"));
        command.addAll(options);
        command.addAll(List.of("-cp", jar.toString(), ClassDataFixtureMain.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    /** A JDK's layout without a JDK in it: enough for a key, which reads sizes and times only. */
    private Path fakeJava(String name) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("lib/modules"), "modules");
        return Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
    }

    /** Class data sharing archives classes from jars only. */
    private Path fixtureJar() throws IOException {
        Path jar = dir.resolve("fixture.jar");
        if (Files.exists(jar)) {
            return jar;
        }
        String entry = ClassDataFixtureMain.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                InputStream in = ClassDataFixtureMain.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
