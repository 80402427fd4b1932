package io.cloudist.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LateReplacementTest {
    @Test
    void replacesKnownLatePropertiesAndLeavesUnknownOnes() {
        String argLine =
                LateReplacement.replace("@{argLine} -Xmx1g @{unknown}", Map.of("argLine", "-javaagent:jacoco.jar"));

        assertThat(argLine).isEqualTo("-javaagent:jacoco.jar -Xmx1g @{unknown}");
    }

    @Test
    void replacementValuesAreTakenLiterally() {
        assertThat(LateReplacement.replace("@{p}", Map.of("p", "$1 \\x"))).isEqualTo("$1 \\x");
    }

    @Test
    void lineBreaksBecomeSpaces() {
        assertThat(LateReplacement.replace("-Xmx1g\n  -Da=b\r\n-Dc=d", Map.of()))
                .isEqualTo("-Xmx1g   -Da=b -Dc=d");
    }
}
