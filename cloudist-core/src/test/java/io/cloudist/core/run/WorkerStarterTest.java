package io.cloudist.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.ModuleManifest;
import io.cloudist.core.protocol.RunManifest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerStarterTest {
    @Test
    void workersWarmTheOnlyModuleAtBootAndInAReactorsRunOnlyOnTheCloud() {
        RunManifest one = manifest("g:app");
        RunManifest reactor = manifest("g:app", "g:lib");

        assertThat(WorkerStarter.bootModule(one, true)).isEqualTo("g:app");
        assertThat(WorkerStarter.bootModule(one, false)).isEqualTo("g:app");
        assertThat(WorkerStarter.bootModule(reactor, false))
                .as("a cloud worker may wait a poll for its first assignment: it warms the first module")
                .isEqualTo("g:app");
        assertThat(WorkerStarter.bootModule(reactor, true))
                .as("a local worker starts the JVM of its first assignment's module, whichever it is")
                .isEmpty();
    }

    private static RunManifest manifest(String... modules) {
        return new RunManifest(
                Documents.SCHEMA,
                "r1",
                Arrays.stream(modules)
                        .map(m -> new ModuleManifest(
                                m, List.of(), List.of(), "", List.of(), Map.of(), Map.of(), ".", 0, true, 0))
                        .toList());
    }
}
