package io.cloudist.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BootStepsTest {
    @Test
    void readsWhatTheBootScriptWrites() {
        BootSteps steps = BootSteps.parse("boot=1000,java=1010-5000,jars=5000-5600,agents=5650");

        assertThat(steps.bootMillis()).isEqualTo(1000);
        assertThat(steps.steps())
                .containsExactly(new BootSteps.Step("java", 1010, 5000), new BootSteps.Step("jars", 5000, 5600));
        assertThat(steps.readyMillis()).isEqualTo(5600);
        assertThat(steps.agentsMillis()).isEqualTo(5650);
        assertThat(steps.format()).isEqualTo("boot=1000,java=1010-5000,jars=5000-5600,agents=5650");
        assertThat(steps.recorded()).isTrue();
    }

    @Test
    void stepsAreOptional() {
        BootSteps steps = BootSteps.parse("boot=1000,agents=1200");

        assertThat(steps.steps()).isEmpty();
        assertThat(steps.readyMillis()).isEqualTo(1000);
        assertThat(BootSteps.NONE.recorded()).isFalse();
    }

    @Test
    void refusesWhatIsNotInOrderOrNotOfTheForm() {
        for (String bad : List.of(
                "",
                "pull=1-2,agents=3",
                "boot=1000",
                "boot=1000,pull=900-1100,agents=1200",
                "boot=1000,pull=1100-1050,agents=1200",
                "boot=1000,pull=1100-1300,agents=1200",
                "boot=1000,agents=1200,pull=1300-1400",
                "boot=1000,PULL=1100-1200,agents=1300",
                "boot=1000,pull=1100-1200;rm -rf /,agents=1300",
                "boot=1000,boot=1001,agents=1300")) {
            assertThatThrownBy(() -> BootSteps.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("oot step");
        }
    }
}
