package io.cloudist.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
    @Test
    void batchProgressLogsTheFirstUpdateThenAtMostOncePerInterval() {
        RecordingLog log = new RecordingLog();
        AtomicLong now = new AtomicLong();
        BatchProgress progress = new BatchProgress(log, now::get);

        progress.show("one");
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        progress.show("two");
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        progress.show("three");

        assertThat(log.lines).containsExactly("INFO one", "INFO three");
    }

    @Test
    void consoleProgressRewritesOneLineAndBlanksItOnClear() {
        StringWriter out = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(out));

        progress.show("longer text");
        progress.show("short");
        progress.clear();
        progress.clear();

        assertThat(out.toString()).isEqualTo("\rlonger text" + "\rshort      " + "\r     \r");
    }
}
