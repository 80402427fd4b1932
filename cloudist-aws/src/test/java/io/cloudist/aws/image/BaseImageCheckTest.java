package io.cloudist.aws.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The java of base images pushed to a real registry on loopback, read over the registry API: which layers are read,
 * and the answer kept per manifest digest.
 */
class BaseImageCheckTest {
    @TempDir
    static Path shared;

    private static LocalRegistry registry;

    @TempDir
    Path dir;

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = LocalRegistry.start(Files.createDirectories(shared.resolve("registry")));
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void aBaseOfThisJdkHasItsJavaOnThePathWithThisJdksVersion() throws Exception {
        String base = JdkBaseImage.small(registry.repository("jdk"), dir.resolve("jib"), "small");

        BaseJava java = new BaseImageCheck(dir.resolve("results")).java(base, "amd64", true);

        assertThat(java.launcher()).isEqualTo(JdkBaseImage.JAVA_HOME + "/bin/java");
        assertThat(java.version()).isEqualTo(localJavaVersion());
        assertThat(java.suits(Runtime.version().feature())).isTrue();
    }

    @Test
    void baseImagesWithoutJavaAndWithAnOldOneSayWhatTheyHave() throws Exception {
        String none = FakeBaseImage.withoutJava(registry.repository("fake"), dir, "none");
        String old = FakeBaseImage.withJava11(registry.repository("fake"), dir, "eleven");
        BaseImageCheck check = new BaseImageCheck(dir.resolve("results"));

        assertThat(check.java(none, "amd64", true).describe()).isEqualTo("no java");
        BaseJava eleven = check.java(old, "amd64", true);
        assertThat(eleven.describe()).isEqualTo("java 11.0.2 at /opt/java/bin/java");
        assertThat(eleven.suits(17)).isFalse();
    }

    @Test
    void aJavaInTheTopLayerLeavesTheLowerLayersUnread() throws Exception {
        String base = FakeBaseImage.push(
                registry.repository("layers"),
                dir,
                "two",
                List.of(
                        Map.of("/usr/share/big", "the lower layer"),
                        Map.of("/opt/java/bin/java", "#!/bin/sh\n", "/opt/java/release", "JAVA_VERSION=\"21.0.2\"")));
        String lower = registry.layers("layers", "two").get(0);
        registry.loseBlob(lower);
        assertThatThrownBy(() -> registry.blob("layers", lower)).isInstanceOf(IOException.class);

        BaseJava java = new BaseImageCheck(dir.resolve("results")).java(base, "amd64", true);

        assertThat(java.version()).isEqualTo("21.0.2");
    }

    @Test
    void theAnswerIsKeptPerDigestSoALayerIsReadOncePerMachine() throws Exception {
        // A layer of its own: the registry stores each blob once for all repositories, and this test loses it.
        String base = FakeBaseImage.push(
                registry.repository("kept"),
                dir,
                "eleven",
                List.of(Map.of("/opt/java/bin/java", "kept", "/opt/java/release", FakeBaseImage.RELEASE_11)));
        new BaseImageCheck(dir.resolve("results")).java(base, "amd64", true);
        registry.loseBlob(registry.layers("kept", "eleven").get(0));

        BaseJava again = new BaseImageCheck(dir.resolve("results")).java(base, "amd64", true);

        assertThat(again.version()).isEqualTo("11.0.2");
        assertThatThrownBy(() -> new BaseImageCheck(dir.resolve("elsewhere")).java(base, "amd64", true))
                .as("without the kept answer, the lost layer must be read")
                .isInstanceOf(IOException.class);
    }

    private static String localJavaVersion() throws IOException {
        Properties release = new Properties();
        try (var in = Files.newInputStream(Path.of(System.getProperty("java.home"), "release"))) {
            release.load(in);
        }
        return release.getProperty("JAVA_VERSION").replace("\"", "");
    }
}
