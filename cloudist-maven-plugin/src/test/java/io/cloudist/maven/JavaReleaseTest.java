package io.cloudist.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaReleaseTest {
    @TempDir
    Path root;

    @Test
    void featureVersionIsTheFirstNumberOfJavaVersionAndEightForOldStyleVersions() {
        assertThat(JavaRelease.fromRelease("IMPLEMENTOR=\"Debian\"\nJAVA_VERSION=\"17.0.15\"\n"))
                .hasValue(17);
        assertThat(JavaRelease.fromRelease("JAVA_VERSION=\"1.8.0_392\"")).hasValue(8);
        assertThat(JavaRelease.fromRelease("JAVA_VERSION=\"21\"")).hasValue(21);
        assertThat(JavaRelease.fromRelease("JAVA_VERSION=\"25-ea\"")).hasValue(25);
        assertThat(JavaRelease.fromRelease("JAVA_RUNTIME_VERSION=\"17.0.15+6\""))
                .isEmpty();
    }

    @Test
    void releaseFileNextToBinIsRead() throws IOException {
        Path java = installation("jdk-21", "JAVA_VERSION=\"21.0.2\"");

        assertThat(JavaRelease.featureVersion(java)).hasValue(21);
    }

    @Test
    void symbolicLinkToJavaIsFollowedToItsInstallation() throws IOException {
        Path java = installation("jdk-11", "JAVA_VERSION=\"11.0.22\"");
        Path link = Files.createDirectories(root.resolve("usr/bin")).resolve("java");
        Files.createSymbolicLink(link, java);

        assertThat(JavaRelease.featureVersion(link)).hasValue(11);
    }

    @Test
    void missingExecutableOrReleaseFileGivesNothing() throws IOException {
        Path bare = Files.createDirectories(root.resolve("bare/bin")).resolve("java");
        Files.createFile(bare);

        assertThat(JavaRelease.featureVersion(root.resolve("nowhere/bin/java"))).isEqualTo(OptionalInt.empty());
        assertThat(JavaRelease.featureVersion(bare)).isEmpty();
    }

    private Path installation(String name, String release) throws IOException {
        Path home = root.resolve(name);
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.createFile(java);
        Files.writeString(home.resolve("release"), release + "\n");
        return java;
    }
}
