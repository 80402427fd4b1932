package io.cloudist.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.jvm.ClassDataArchive;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Which test JVMs share class data, and how: with the worker tests' own classpath, the runner's among its jars. */
@Timeout(120)
class TestJvmClassDataTest {
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    /**
     * This module's test classpath, less the test classes of other modules: a build that stops before {@code package}
     * puts a directory of them there instead of a test-jar, and its resources are in jars too, which keeps a classpath
     * from being archived.
     */
    private static final List<Path> CLASSPATH = Arrays.stream(
                    System.getProperty("java.class.path").split(File.pathSeparator))
            .map(Path::of)
            .filter(p -> !p.endsWith(Path.of("target", "test-classes"))
                    || p.toAbsolutePath().startsWith(Path.of("").toAbsolutePath()))
            .toList();

    @TempDir
    Path temp;

    private final TestClassData writers = TestClassData.none();

    @AfterEach
    void closeWriters() {
        writers.close();
    }

    @Test
    void aJavaOlderThan13OrOfUnknownVersionSharesNothing() throws IOException {
        assertThat(TestJvmClassData.skipReason(config(fakeJava("jdk-11", "11.0.22"), List.of()), Map.of()))
                .startsWith("java 11 (")
                .endsWith(") is older than 13");
        assertThat(TestJvmClassData.skipReason(config(fakeJava("jdk-8", "1.8.0_402"), List.of()), Map.of()))
                .startsWith("java 8 (");
        assertThat(TestJvmClassData.skipReason(config(fakeJava("no-release", null), List.of()), Map.of()))
                .startsWith("the version of ")
                .endsWith(" is unknown");
        assertThat(TestJvmClassData.skipReason(config(fakeJava("jdk-13", "13.0.2"), List.of()), Map.of()))
                .isEmpty();
    }

    @Test
    void anArgLineThatChoosesWhatToShareIsLeftAsItIs() {
        for (String option : List.of(
                "-Xshare:off",
                "-Xshare:auto",
                "-XX:SharedArchiveFile=app.jsa",
                "-XX:ArchiveClassesAtExit=app.jsa",
                "-XX:+AutoCreateSharedArchive",
                "-XX:-UseSharedSpaces",
                "-XX:SharedClassListFile=classes.lst",
                "-XX:AOTCache=app.aot",
                "-XX:AOTMode=record")) {
            assertThat(TestJvmClassData.skipReason(config(JAVA, List.of("-Xmx512m", option)), Map.of()))
                    .isEqualTo("the argLine has " + option);
        }
        assertThat(TestJvmClassData.skipReason(
                        config(JAVA, List.of("-Xmx512m", "-ea", "-XX:+UseSerialGC", "-Xlog:gc")), Map.of()))
                .isEmpty();
    }

    @Test
    void javaOptionsInTheEnvironmentCountAsTheArgLineDoes() {
        TestJvmConfig configured =
                config(JAVA, List.of(), Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g -Xshare:off"), List.of());
        TestJvmConfig plain = config(JAVA, List.of(), Map.of(), List.of());
        TestJvmConfig excluding = config(JAVA, List.of(), Map.of(), List.of("JDK_JAVA_OPTIONS"));
        Map<String, String> worker = Map.of("JDK_JAVA_OPTIONS", "-XX:SharedArchiveFile=/opt/app.jsa");

        assertThat(TestJvmClassData.skipReason(configured, Map.of()))
                .isEqualTo("the environment variable JAVA_TOOL_OPTIONS has -Xshare:off");
        assertThat(TestJvmClassData.skipReason(plain, worker))
                .isEqualTo("the environment variable JDK_JAVA_OPTIONS has -XX:SharedArchiveFile=/opt/app.jsa");
        assertThat(TestJvmClassData.skipReason(excluding, worker)).isEmpty();
    }

    @Test
    void theHeapAndCollectorOptionsKeyTheArchiveAndOtherOptionsDoNot() {
        Path directory = temp.resolve("class-data");

        Path plain = archiveOf(List.of("-ea"), directory);
        Path sameAsPlain = archiveOf(List.of("-Dx=y", "-Xlog:gc"), directory);
        Path bigHeap = archiveOf(List.of("-Xmx48g"), directory);
        Path zgc = archiveOf(List.of("-XX:+UseZGC"), directory);

        assertThat(sameAsPlain).isEqualTo(plain);
        assertThat(List.of(plain, bigHeap, zgc)).doesNotHaveDuplicates();
    }

    @Test
    void theFirstJvmStartsAsBeforeWhileTheArchiveIsWrittenAndTheNextMapsItWithTheJarsFirst() {
        Path directory = temp.resolve("class-data");
        TestClassData sharing = new TestClassData(directory);
        TestJvmClassData classData =
                TestJvmClassData.decide("g:app", config(JAVA, List.of()), directory, Map.of(), sharing);

        TestJvmClassData.Launch first = classData.next();
        assertThat(first.mapsArchive()).isFalse();
        assertThat(first.options()).isEmpty();
        assertThat(first.classpath()).isEqualTo(CLASSPATH);
        assertThat(sharing.awaitWriters(Duration.ofSeconds(90))).isTrue();

        TestJvmClassData.Launch next = classData.next();

        assertThat(next.mapsArchive()).isTrue();
        assertThat(next.options())
                .hasSize(3)
                .contains(ClassDataArchive.VERIFY, ClassDataArchive.QUIET)
                .anySatisfy(o -> assertThat(o).startsWith(ClassDataArchive.MAP + directory));
        JarsFirst order = JarsFirst.of(CLASSPATH);
        assertThat(next.classpath()).isEqualTo(order.classpath()).containsExactlyInAnyOrderElementsOf(CLASSPATH);
        assertThat(next.classpath().get(0)).isRegularFile();
        sharing.close();
    }

    @Test
    void nothingIsWrittenWhileAnotherWriterHoldsTheArchive() throws IOException {
        Path directory = temp.resolve("class-data");
        TestClassData sharing = new TestClassData(directory);
        ClassDataArchive archive = new ClassDataArchive(
                directory,
                "test-",
                JAVA,
                CLASSPATH.stream().filter(Files::isRegularFile).toList(),
                List.of(),
                TestJvmClassData.KEEP_UNUSED);
        Optional<ClassDataArchive.Writing> elsewhere = archive.claim();
        assertThat(elsewhere).isPresent();

        TestJvmClassData classData =
                TestJvmClassData.decide("g:app", config(JAVA, List.of()), directory, Map.of(), sharing);
        assertThat(classData.next().mapsArchive()).isFalse();
        assertThat(sharing.awaitWriters(Duration.ofSeconds(90))).isTrue();
        elsewhere.get().close();

        assertThat(archive.usable()).isFalse();
        assertThat(classData.next().mapsArchive()).isFalse();
        sharing.close();
    }

    @Test
    void aDiscardedArchiveIsNoLongerMapped() {
        Path directory = temp.resolve("class-data");
        TestClassData sharing = new TestClassData(directory);
        TestJvmClassData classData =
                TestJvmClassData.decide("g:app", config(JAVA, List.of()), directory, Map.of(), sharing);
        classData.next();
        assertThat(sharing.awaitWriters(Duration.ofSeconds(90))).isTrue();
        assertThat(classData.next().mapsArchive()).isTrue();

        classData.discard(134);

        TestJvmClassData.Launch after = classData.next();
        assertThat(after.mapsArchive()).isFalse();
        assertThat(after.classpath()).isEqualTo(CLASSPATH);
        assertThat(TestJvmClassData.decide("g:app", config(JAVA, List.of()), directory, Map.of(), sharing)
                        .next()
                        .mapsArchive())
                .isFalse();
        sharing.close();
    }

    @Test
    void aClasspathWhoseOrderMattersStartsWithoutTheArchiveThoughItIsThere() throws IOException {
        Path directory = temp.resolve("class-data");
        TestClassData sharing = new TestClassData(directory);
        TestJvmClassData classData =
                TestJvmClassData.decide("g:app", config(JAVA, List.of()), directory, Map.of(), sharing);
        classData.next();
        assertThat(sharing.awaitWriters(Duration.ofSeconds(90))).isTrue();
        // A test resource that shadows one of a jar's: with the jars first the jar's would be found.
        Path shadowing = Files.createDirectories(temp.resolve("shadowing/org/junit/platform/launcher"));
        Files.writeString(shadowing.resolve("Launcher.class"), "not a class");
        List<Path> withShadow = new java.util.ArrayList<>(List.of(temp.resolve("shadowing")));
        withShadow.addAll(CLASSPATH);

        TestJvmClassData.Launch launch = TestJvmClassData.decide(
                        "g:app", config(JAVA, List.of(), Map.of(), List.of(), withShadow), directory, Map.of(), sharing)
                .next();

        assertThat(launch.mapsArchive()).isFalse();
        assertThat(launch.classpath()).isEqualTo(withShadow);
        sharing.close();
    }

    private Path archiveOf(List<String> argLine, Path directory) {
        List<Path> jars = CLASSPATH.stream().filter(Files::isRegularFile).toList();
        List<String> options = TestJvmClassData.baseArchiveOptions(argLine);
        return new ClassDataArchive(directory, "test-", JAVA, jars, options, TestJvmClassData.KEEP_UNUSED).archive();
    }

    private TestJvmConfig config(Path java, List<String> argLine) {
        return config(java, argLine, Map.of(), List.of(), CLASSPATH);
    }

    private TestJvmConfig config(
            Path java, List<String> argLine, Map<String, String> environment, List<String> excluded) {
        return config(java, argLine, environment, excluded, CLASSPATH);
    }

    private TestJvmConfig config(
            Path java,
            List<String> argLine,
            Map<String, String> environment,
            List<String> excluded,
            List<Path> classpath) {
        return new TestJvmConfig(
                java,
                argLine,
                Map.of(),
                environment,
                temp,
                classpath,
                0,
                true,
                temp.resolve("scratch"),
                0,
                Map.of(),
                true,
                excluded,
                Map.of(),
                Map.of());
    }

    /** A JDK's layout with a {@code release} file of that version (none for null), and no JDK in it. */
    private Path fakeJava(String name, String version) throws IOException {
        Path home = Files.createDirectories(temp.resolve(name));
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        if (version != null) {
            Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        }
        return java;
    }
}
