package io.cloudist.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerMainTest {
    @TempDir
    Path dir;

    @Test
    void printsUsageAndExitsWithTwoWithoutArguments() throws Exception {
        RunnerJvm.Exit exit = RunnerJvm.run(dir, "");

        assertThat(exit.code()).isEqualTo(2);
        assertThat(exit.stderr()).contains("usage:", "discover <requestFile> <outputFile>", "serve");
        assertThat(exit.stdout()).isEmpty();
    }

    @Test
    void printsUsageAndExitsWithTwoForAnUnknownMode() throws Exception {
        assertThat(RunnerJvm.run(dir, "", "execute", "everything").code()).isEqualTo(2);
    }

    @Test
    void printsUsageAndExitsWithTwoWhenDiscoverLacksItsFiles() throws Exception {
        assertThat(RunnerJvm.run(dir, "", "discover", "request.txt").code()).isEqualTo(2);
    }

    @Test
    void printsUsageAndExitsWithTwoForAnUnknownServeOptionOrAReadyFileWithoutItsPath() throws Exception {
        assertThat(RunnerJvm.run(dir, "", "serve", "--exit-with-parent").code()).isEqualTo(2);
        assertThat(RunnerJvm.run(dir, "", "serve", "--ready-file").code()).isEqualTo(2);
    }

    @Test
    void exitsWithZeroWhenServeReadsNoCommands() throws Exception {
        RunnerJvm.Exit exit = RunnerJvm.run(dir, "\n\n", "serve");

        assertThat(exit.code()).isZero();
        assertThat(exit.stderr()).isEmpty();
    }
}
