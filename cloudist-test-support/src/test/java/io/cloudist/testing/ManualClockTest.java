package io.cloudist.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ManualClockTest {
    @Test
    void standsStillUntilMoved() {
        ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T12:00:00Z"));
        assertThat(clock.instant()).isEqualTo(clock.instant()).isEqualTo(Instant.parse("2026-01-01T12:00:00Z"));

        clock.advance(Duration.ofSeconds(6));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T12:00:06Z"));
        clock.advanceMillis(500);
        assertThat(clock.millis())
                .isEqualTo(Instant.parse("2026-01-01T12:00:06.500Z").toEpochMilli());
        clock.setMillis(3_000);
        assertThat(clock.millis()).isEqualTo(3_000);
        assertThat(clock.nanos()).isEqualTo(3_000_000_000L);
    }

    @Test
    void aTickingClockMovesOnBeforeEachRead() {
        ManualClock clock = ManualClock.ticking(Instant.EPOCH, Duration.ofSeconds(10));
        assertThat(clock.millis()).isEqualTo(10_000);
        assertThat(clock.instant()).isEqualTo(Instant.ofEpochSecond(20));
        assertThat(clock.peekMillis()).isEqualTo(clock.peekMillis()).isEqualTo(20_000);
    }

    @Test
    void keepsUtcAndItselfWhateverTheZone() {
        ManualClock clock = ManualClock.atMillis(0);
        assertThat(clock.withZone(java.time.ZoneId.of("Europe/Paris"))).isSameAs(clock);
        assertThat(clock.getZone()).isEqualTo(java.time.ZoneOffset.UTC);
    }
}
