package io.cloudist.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.protocol.ModuleManifest;
import io.cloudist.core.protocol.RunManifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestJvmConfigTest {
    @Test
    void workersAreNumberedAsSurefireNumbersItsForks() {
        assertThat(TestJvmConfig.forkNumber("w0")).isEqualTo(1);
        assertThat(TestJvmConfig.forkNumber("w11")).isEqualTo(12);
        assertThat(TestJvmConfig.forkNumber("i-0abc123def-2")).isEqualTo(3);
        assertThat(TestJvmConfig.forkNumber("worker")).isEqualTo(1);
    }

    @Test
    void theForkNumberTheModuleAndTheRootAreFilledIn() {
        ModuleManifest manifest = new ModuleManifest(
                "",
                List.of(),
                List.of(),
                "",
                List.of("-Dport=80${surefire.forkNumber}", "-Dfile=" + RunManifest.ROOT_DIR + "/shared/x"),
                Map.of("schema", "test_${surefire.forkNumber}", "src", RunManifest.MODULE_DIR + "/src"),
                Map.of("TMP", "/tmp/${surefire.forkNumber}"),
                RunManifest.MODULE_DIR,
                0,
                true,
                0,
                Map.of(),
                true,
                "services/api",
                List.of());

        TestJvmConfig config =
                TestJvmConfig.from(manifest, Path.of("/w/tree/services/api"), List.of(), Path.of("/w/jvm"), 3);

        assertThat(config.jvmArguments()).containsExactly("-Dport=803", "-Dfile=/w/tree/shared/x");
        assertThat(config.systemProperties())
                .containsEntry("schema", "test_3")
                .containsEntry("src", "/w/tree/services/api/src")
                .containsEntry("basedir", "/w/tree/services/api");
        assertThat(config.environment()).containsEntry("TMP", "/tmp/3");
    }
}
