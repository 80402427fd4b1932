package io.cloudist.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunProgressTest {
    @Test
    void thePlansLineCountsInEnglish() {
        assertThat(RunProgress.planLine(185, 58, 12, 20, 2, "local"))
                .isEqualTo("cloudist: 185 tests in 58 classes of 12 modules, 20 tasks on 2 local workers");
        assertThat(RunProgress.planLine(1, 1, 0, 1, 1, "local"))
                .isEqualTo("cloudist: 1 test in 1 class, 1 task on 1 local worker");
        assertThat(RunProgress.planLine(5, 1, 1, 2, 4, "ec2"))
                .isEqualTo("cloudist: 5 tests in 1 class of 1 module, 2 tasks on 4 ec2 workers");
    }
}
