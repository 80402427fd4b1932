package io.cloudist.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestClasspathTest {
    static final Path BASEDIR = Path.of("/work/module");
    static final ProjectLayout LAYOUT = new ProjectLayout(
            "g", "a", BASEDIR, BASEDIR.resolve("target"), BASEDIR.resolve("target/test-classes"), Path.of("/jdk"), 2);

    final ArtifactFile guava = new ArtifactFile("com.google", "guava", "33", Path.of("/repo/guava.jar"));
    final ArtifactFile log4j = new ArtifactFile("org.log", "log4j", "2", Path.of("/repo/log4j.jar"));
    final List<String> elements = List.of(
            "/work/module/target/test-classes", "/work/module/target/classes", "/repo/guava.jar", "/repo/log4j.jar");

    @Test
    void keepsTheProjectOrderAndAppendsAdditionalElementsThenExtras() {
        ArtifactFile launcher =
                new ArtifactFile("org.junit.platform", "junit-platform-launcher", "1", Path.of("/l.jar"));

        List<Path> classpath = TestClasspath.of(
                LAYOUT,
                elements,
                List.of(guava, log4j),
                List.of(),
                List.of("/extra/a.jar, lib/b.jar"),
                List.of(launcher));

        assertThat(classpath)
                .containsExactly(
                        Path.of("/work/module/target/test-classes"),
                        Path.of("/work/module/target/classes"),
                        Path.of("/repo/guava.jar"),
                        Path.of("/repo/log4j.jar"),
                        Path.of("/extra/a.jar"),
                        Path.of("/work/module/lib/b.jar"),
                        Path.of("/l.jar"));
    }

    @Test
    void dropsTheFilesOfExcludedDependencies() {
        List<Path> classpath = TestClasspath.of(
                LAYOUT, elements, List.of(guava, log4j), List.of("org.log:log4j"), List.of(), List.of());

        assertThat(classpath).doesNotContain(Path.of("/repo/log4j.jar")).contains(Path.of("/repo/guava.jar"));
    }

    @Test
    void starMatchesAnyGroupOrArtifact() {
        List<Path> classpath = TestClasspath.of(
                LAYOUT, elements, List.of(guava, log4j), List.of("com.google:*"), List.of(), List.of());

        assertThat(classpath).doesNotContain(Path.of("/repo/guava.jar")).contains(Path.of("/repo/log4j.jar"));
    }
}
