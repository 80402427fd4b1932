package io.cloudist.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.ModuleManifest;
import io.cloudist.core.protocol.RunManifest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestRunTest {
    @Test
    void workersWarmTheOnlyModuleAtBootAndInAReactorsRunOnlyOnTheCloud() {
        RunManifest one = manifest("g:app");
        RunManifest reactor = manifest("g:app", "g:lib");

        assertThat(TestRun.warmAtBoot(one, true)).isEqualTo("g:app");
        assertThat(TestRun.warmAtBoot(one, false)).isEqualTo("g:app");
        assertThat(TestRun.warmAtBoot(reactor, false))
                .as("a cloud worker may wait a poll for its first assignment: it warms the first module")
                .isEqualTo("g:app");
        assertThat(TestRun.warmAtBoot(reactor, true))
                .as("a local worker starts the JVM of its first assignment's module, whichever it is")
                .isEmpty();
    }

    @Test
    void thePlansLineCountsInEnglish() {
        assertThat(TestRun.planLine(185, 58, 12, 20, 2, "local"))
                .isEqualTo("cloudist: 185 tests in 58 classes of 12 modules, 20 tasks on 2 local workers");
        assertThat(TestRun.planLine(1, 1, 0, 1, 1, "local"))
                .isEqualTo("cloudist: 1 test in 1 class, 1 task on 1 local worker");
        assertThat(TestRun.planLine(5, 1, 1, 2, 4, "ec2"))
                .isEqualTo("cloudist: 5 tests in 1 class of 1 module, 2 tasks on 4 ec2 workers");
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
