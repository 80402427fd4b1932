package io.cloudist.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimingHistoryTest {
    @TempDir
    Path temp;

    private static Unit unit(String key) {
        return new Unit(key, key, List.of("[engine:e]/[class:" + key + "]"), 1);
    }

    @Test
    void unknownUnitsAreExpectedToTakeTheMedian() {
        TimingHistory history = new TimingHistory(Map.of("A", 1.0, "B", 5.0, "C", 100.0));
        assertThat(history.expected(unit("B"))).isEqualTo(5.0);
        assertThat(history.expected(unit("New"))).isEqualTo(5.0);
    }

    @Test
    void aTaskIsMeasuredOnlyWhenTheHistoryKnowsEveryUnitNotWhenItsTimeIsTheMediansGuess() {
        TimingHistory history = new TimingHistory(Map.of("A", 1.0, "B", 5.0));

        assertThat(new Task("t0", List.of(unit("A"), unit("B")), 6)
                        .measuredBy(history)
                        .measured())
                .isTrue();
        assertThat(new Task("t1", List.of(unit("A"), unit("New")), 6)
                        .measuredBy(history)
                        .measured())
                .isFalse();
        assertThat(new Task("t2", List.of(unit("A")), 1).measured()).isFalse();
    }

    @Test
    void anEmptyHistoryExpectsOneSecond() {
        assertThat(TimingHistory.empty().expected(unit("X"))).isEqualTo(1.0);
    }

    @Test
    void roundTripsThroughAFileAndMergesNewMeasurements() {
        Path file = temp.resolve("cloudist/timings.json");
        new TimingHistory(Map.of("A", 2.0, "B", 3.0))
                .with(Map.of("B", 4.0, "C", 6.0))
                .write(file);
        TimingHistory read = TimingHistory.read(file);
        assertThat(read.asMap()).containsExactlyInAnyOrderEntriesOf(Map.of("A", 2.0, "B", 4.0, "C", 6.0));
    }

    @Test
    void aCorruptFileGivesAnEmptyHistory() throws Exception {
        Path file = Files.writeString(temp.resolve("timings.json"), "{not json");
        assertThat(TimingHistory.read(file).asMap()).isEmpty();
    }
}
