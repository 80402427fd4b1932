package io.cloudist.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.protocol.RunManifest;
import org.junit.jupiter.api.Test;

class ManifestsTest {
    private static final String M = RunManifest.MODULE_DIR;

    @Test
    void replacesTheModuleDirectoryAsAWholePathPrefix() {
        assertThat(Manifests.tokenize("/home/u/app", "/home/u/app")).isEqualTo(M);
        assertThat(Manifests.tokenize("-Dfile=/home/u/app/target/x.txt", "/home/u/app"))
                .isEqualTo("-Dfile=" + M + "/target/x.txt");
        assertThat(Manifests.tokenize("/home/u/app/a:/home/u/app/b", "/home/u/app"))
                .isEqualTo(M + "/a:" + M + "/b");
    }

    @Test
    void leavesPathsThatOnlyShareAPrefixAlone() {
        assertThat(Manifests.tokenize("/home/u/app2/x", "/home/u/app")).isEqualTo("/home/u/app2/x");
        assertThat(Manifests.tokenize("-Xmx1g", "/home/u/app")).isEqualTo("-Xmx1g");
    }
}
