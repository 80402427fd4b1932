package io.cloudist.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadlineTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Duration OUTAGE = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("deadline");
    }

    private Deadline deadline(Instant now) {
        return new Deadline(file(), Clock.fixed(now, ZoneOffset.UTC), OUTAGE);
    }

    private long written() throws IOException {
        return Long.parseLong(Files.readString(file()).strip());
    }

    @Test
    void aLongTaskGetsAMultipleOfItsExpectedTimeAfterItsJvmStarts() throws IOException {
        deadline(NOW).task(1_000);

        assertThat(written()).isEqualTo(NOW.getEpochSecond() + 4 * 1_000 + 120 + OUTAGE.toSeconds());
    }

    @Test
    void aShortTaskGetsTheFloor() throws IOException {
        deadline(NOW).task(3);

        assertThat(written()).isEqualTo(NOW.getEpochSecond() + 30 * 60 + 120 + OUTAGE.toSeconds());
    }

    @Test
    void aTaskOfUnknownTimeKeepsNoDeadlineButTheInstancesLife() {
        Deadline deadline = deadline(NOW);
        deadline.within(Deadline.WAITING);

        deadline.task(0);

        assertThat(file()).doesNotExist();
    }

    @Test
    void waitsThatPollManyTimesASecondWriteOnlyWhenTheDeadlineMovesHalfAMinute() throws IOException {
        deadline(NOW).within(Deadline.WAITING);
        long first = written();
        Files.writeString(file(), "marker");
        Deadline deadline = new Deadline(file(), Clock.fixed(NOW, ZoneOffset.UTC), OUTAGE);
        deadline.within(Deadline.WAITING);
        Files.writeString(file(), "marker");

        deadline.within(Deadline.WAITING.plusSeconds(10));
        assertThat(Files.readString(file())).as("10 s later: not written again").isEqualTo("marker");
        deadline.within(Deadline.WAITING.plusSeconds(40));
        assertThat(written()).isEqualTo(first + 40);
        deadline.within(Duration.ZERO);
        assertThat(written()).as("earlier deadlines are written too").isEqualTo(NOW.getEpochSecond() + 120);
    }

    @Test
    void anAgentWithoutAFileKeepsNone() {
        Deadline none = new Deadline(null, Clock.systemUTC(), OUTAGE);

        none.task(10);
        none.within(Deadline.JOINING);
        none.clear();

        assertThat(dir).isEmptyDirectory();
    }
}
