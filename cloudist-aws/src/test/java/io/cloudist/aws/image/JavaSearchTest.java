package io.cloudist.aws.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

/** The java a container of an image's layers would start, found in the layers as tar streams read top down. */
class JavaSearchTest {
    private static final String RELEASE_21 = "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"21.0.1\"\n";

    @Test
    void followsTheDefaultPathThroughLinksToTheJdkAndItsReleaseFile() throws Exception {
        JavaSearch search = new JavaSearch(JavaSearch.DEFAULT_PATH, "");
        byte[] layer = new Layer()
                .link("usr/bin/java", "/etc/alternatives/java")
                .link("etc/alternatives/java", "/usr/lib/jvm/default/bin/java")
                .link("usr/lib/jvm/default", "jdk-21")
                .file("usr/lib/jvm/jdk-21/bin/java", "launcher")
                .file("usr/lib/jvm/jdk-21/release", RELEASE_21)
                .gzipped();

        assertThat(search.read(new ByteArrayInputStream(layer))).isTrue();

        BaseJava java = search.result();
        assertThat(java.launcher()).isEqualTo("/usr/bin/java");
        assertThat(java.version()).isEqualTo("21.0.1");
        assertThat(java.feature()).hasValue(21);
        assertThat(java.suits(17)).isTrue();
        assertThat(java.suits(25)).isFalse();
    }

    @Test
    void stopsAtTheLayerThatSettlesItAndReadsNoLowerOne() throws Exception {
        JavaSearch search = new JavaSearch("/opt/java/bin:/usr/bin", "/opt/java");
        byte[] top = new Layer()
                .file("opt/java/release", RELEASE_21)
                .file("opt/java/bin/java", "launcher")
                .tar();

        assertThat(search.read(new ByteArrayInputStream(top))).isTrue();
        assertThat(search.result().launcher()).isEqualTo("/opt/java/bin/java");
    }

    @Test
    void readsLowerLayersUntilTheReleaseFileIsFound() throws Exception {
        JavaSearch search = new JavaSearch("/usr/bin", "");
        byte[] top = new Layer().link("usr/bin/java", "../lib/jvm/jdk/bin/java").gzipped();
        byte[] bottom = new Layer()
                .file("usr/lib/jvm/jdk/bin/java", "launcher")
                .file("usr/lib/jvm/jdk/release", "JAVA_VERSION=\"11.0.2\"\n")
                .gzipped();

        assertThat(search.read(new ByteArrayInputStream(top))).isFalse();
        assertThat(search.read(new ByteArrayInputStream(bottom))).isTrue();
        assertThat(search.result().version()).isEqualTo("11.0.2");
        assertThat(search.result().suits(17)).isFalse();
        assertThat(search.result().describe()).isEqualTo("java 11.0.2 at /usr/bin/java");
    }

    @Test
    void anUpperLayersWhiteoutHidesTheJavaOfALowerOne() throws Exception {
        JavaSearch search = new JavaSearch("/opt/java/bin", "");
        byte[] top = new Layer().file("opt/.wh.java", "").gzipped();
        byte[] bottom = new Layer()
                .file("opt/java/bin/java", "launcher")
                .file("opt/java/release", RELEASE_21)
                .gzipped();

        search.read(new ByteArrayInputStream(top));
        assertThat(search.read(new ByteArrayInputStream(bottom))).isFalse();
        assertThat(search.result().present()).isFalse();
        assertThat(search.result().describe()).isEqualTo("no java");
    }

    @Test
    void aJavaUnderJavaHomeButNotOnThePathIsNamedAsSuch() throws Exception {
        JavaSearch search = new JavaSearch("/usr/bin:/bin", "/opt/jdk");
        byte[] layer = new Layer()
                .file("opt/jdk/bin/java", "launcher")
                .file("opt/jdk/release", RELEASE_21)
                .gzipped();

        assertThat(search.read(new ByteArrayInputStream(layer))).isFalse();
        assertThat(search.result().present()).isFalse();
        assertThat(search.result().describe()).isEqualTo("java at /opt/jdk/bin/java but not on its PATH");
    }

    @Test
    void aJavaWithoutAReleaseFileHasAnUnknownVersionThatPasses() throws Exception {
        JavaSearch search = new JavaSearch("/usr/bin", "");
        search.read(new ByteArrayInputStream(
                new Layer().file("usr/bin/java", "launcher").gzipped()));

        assertThat(search.result().present()).isTrue();
        assertThat(search.result().version()).isEmpty();
        assertThat(search.result().suits(17)).isTrue();
    }

    @Test
    void featureVersionsOfOldAndNewNumberings() {
        assertThat(new BaseJava("/usr/bin/java", "1.8.0_392", "").feature()).hasValue(8);
        assertThat(new BaseJava("/usr/bin/java", "17.0.9", "").feature()).hasValue(17);
        assertThat(new BaseJava("/usr/bin/java", "25", "").feature()).hasValue(25);
    }

    /** A layer's tar, built in memory. */
    private static final class Layer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

        Layer file(String name, String content) throws IOException {
            byte[] data = content.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(data.length);
            tar.putArchiveEntry(entry);
            tar.write(data);
            tar.closeArchiveEntry();
            return this;
        }

        Layer link(String name, String target) throws IOException {
            TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
            entry.setLinkName(target);
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
            return this;
        }

        byte[] tar() throws IOException {
            tar.close();
            return bytes.toByteArray();
        }

        byte[] gzipped() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out);
                    InputStream in = new ByteArrayInputStream(tar())) {
                in.transferTo(gzip);
            }
            return out.toByteArray();
        }
    }
}
