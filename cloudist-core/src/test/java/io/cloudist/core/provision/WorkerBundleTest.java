package io.cloudist.core.provision;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.protocol.BlobRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerBundleTest {
    private static BlobRef jar(String sha, String name) {
        return new BlobRef(sha, 10, BlobRef.Kind.JAR, name);
    }

    @Test
    void namesAnAgentByItsJarsContentInOrder() {
        List<BlobRef> jars = List.of(jar("aa", "worker.jar"), jar("bb", "core.jar"));

        String id = WorkerBundle.id(jars);

        assertThat(id).matches("[0-9a-f]{64}");
        assertThat(WorkerBundle.id(List.of(jar("aa", "renamed.jar"), jar("bb", "other.jar"))))
                .as("the content names it, not the file names")
                .isEqualTo(id);
        assertThat(WorkerBundle.id(List.of(jar("bb", "core.jar"), jar("aa", "worker.jar"))))
                .as("another classpath order is other code")
                .isNotEqualTo(id);
        assertThat(WorkerBundle.id(List.of(jar("aa", "worker.jar"), jar("bc", "core.jar"))))
                .isNotEqualTo(id);
        assertThat(WorkerBundle.id(List.of(jar("aab", "worker.jar"))))
                .isNotEqualTo(WorkerBundle.id(List.of(jar("aa", "w"), jar("b", "c"))));
    }
}
