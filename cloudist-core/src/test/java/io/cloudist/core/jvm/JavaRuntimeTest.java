package io.cloudist.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaRuntimeTest {
    @TempDir
    Path dir;

    @Test
    void readsTheFeatureVersionOfTheRunningJava() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        assertThat(JavaRuntime.featureVersion(java)).isEqualTo(Runtime.version().feature());
        assertThat(JavaRuntime.runtimeImage(java))
                .endsWith(Path.of("lib", "modules"))
                .isRegularFile();
    }

    @Test
    void readsOldAndNewVersionStrings() {
        assertThat(JavaRuntime.parseFeature("\"17.0.15\"")).isEqualTo(17);
        assertThat(JavaRuntime.parseFeature("\"25\"")).isEqualTo(25);
        assertThat(JavaRuntime.parseFeature("\"21-ea\"")).isEqualTo(21);
        assertThat(JavaRuntime.parseFeature("\"1.8.0_402\"")).isEqualTo(8);
        assertThat(JavaRuntime.parseFeature("")).isZero();
        assertThat(JavaRuntime.parseFeature("unknown")).isZero();
    }

    @Test
    void aJavaWithoutAReleaseFileHasNoKnownVersion() throws IOException {
        Path java = Files.createDirectories(dir.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");

        assertThat(JavaRuntime.featureVersion(java)).isZero();
        assertThat(JavaRuntime.runtimeImage(java)).isEqualTo(java.toRealPath());
    }

    @Test
    void followsALinkToTheJavaOfAJdk() throws IOException {
        Path home = Files.createDirectories(dir.resolve("jdk-13"));
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"13.0.2\"\n");
        Path link = Files.createSymbolicLink(
                Files.createDirectories(dir.resolve("usr/bin")).resolve("java"), java);

        assertThat(JavaRuntime.featureVersion(link)).isEqualTo(13);
        assertThat(JavaRuntime.home(link)).isEqualTo(home.toRealPath());
    }
}
