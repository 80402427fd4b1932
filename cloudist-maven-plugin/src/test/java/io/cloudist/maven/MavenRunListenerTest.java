package io.cloudist.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.RunListener.Progress;
import io.cloudist.core.report.ConsoleLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MavenRunListenerTest {
    final RecordingLog log = new RecordingLog();
    final List<String> display = new ArrayList<>();
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    final MavenRunListener listener = new MavenRunListener(
            log,
            new ProgressDisplay() {
                @Override
                public void show(String text) {
                    display.add("show " + text);
                }

                @Override
                public void clear() {
                    display.add("clear");
                }
            },
            new PrintStream(stdout, true, StandardCharsets.UTF_8),
            new PrintStream(stderr, true, StandardCharsets.UTF_8));

    @Test
    void whatTestsPrintedGoesToTheStandardStreamsAsPrintedWithoutALogLevel() {
        listener.line(ConsoleLine.info("Running FooTest"));
        listener.line(ConsoleLine.printed(false, "hello\nworld\n"));
        listener.line(ConsoleLine.printed(true, "oops\n"));

        assertThat(log.lines).containsExactly("INFO Running FooTest");
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("hello\nworld\n");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEqualTo("oops\n");
    }

    @Test
    void consoleLinesGoToTheLogAtTheirLevel() {
        listener.line(ConsoleLine.info("Running FooTest"));
        listener.line(ConsoleLine.warn("Tests run: 1, Skipped: 1"));
        listener.line(ConsoleLine.error("Tests run: 1, Failures: 1"));

        assertThat(log.lines)
                .containsExactly(
                        "INFO Running FooTest", "WARN Tests run: 1, Skipped: 1", "ERROR Tests run: 1, Failures: 1");
    }

    @Test
    void progressLineIsClearedBeforeEachConsoleLineAndAtTheEnd() {
        listener.progress(new Progress(1, 10, 0, 2, 4, -1));
        listener.line(ConsoleLine.info("Running FooTest"));
        listener.finish();

        assertThat(display)
                .containsExactly("show cloudist: tests 1/10, failures 0, workers busy 2/4", "clear", "clear");
    }

    @Test
    void progressShowsTheEstimateWhenKnown() {
        assertThat(MavenRunListener.describe(new Progress(120, 450, 2, 8, 8, 65)))
                .isEqualTo("cloudist: tests 120/450, failures 2, workers busy 8/8, ETA 1m 05s");
        assertThat(MavenRunListener.describe(new Progress(1, 2, 0, 1, 1, 7))).endsWith("ETA 7s");
    }
}
