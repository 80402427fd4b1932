package io.cloudist.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.protocol.BootSteps;
import org.junit.jupiter.api.Test;

class WorkerOptionsTest {
    private static final String[] POOL = {"--store", "s3://b/p", "--pool", "--worker", "i-1-0", "--dir", "/w"};

    private static WorkerOptions parse(String... more) {
        String[] args = new String[POOL.length + more.length];
        System.arraycopy(POOL, 0, args, 0, POOL.length);
        System.arraycopy(more, 0, args, POOL.length, more.length);
        return WorkerOptions.parse(args);
    }

    @Test
    void readsTheBootStepsTheBootScriptPasses() {
        WorkerOptions options = parse("--boot-steps", "boot=100,pull=110-900,agents=950", "--retire-at", "7");

        assertThat(options.bootSteps().format()).isEqualTo("boot=100,pull=110-900,agents=950");
        assertThat(options.retireAtMillis()).isEqualTo(7_000);
    }

    @Test
    void readsTheNameOfItsCodeThatItWritesInItsPoolState() {
        assertThat(parse("--bundle", "ab12cd").bundle()).isEqualTo("ab12cd");
        assertThat(parse().bundle()).isEmpty();
    }

    @Test
    void bootStepsThatCannotBeReadAreLeftOutAndTheAgentStillStarts() {
        assertThat(parse("--boot-steps", "boot=100,agents=").bootSteps()).isEqualTo(BootSteps.NONE);
        assertThat(parse().bootSteps()).isEqualTo(BootSteps.NONE);
    }
}
