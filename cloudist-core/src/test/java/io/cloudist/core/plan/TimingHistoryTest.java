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

    private static TimingHistory run(String key, double seconds, Double cpuSeconds) {
        Map<String, Double> cpu = cpuSeconds == null ? Map.of() : Map.of(key, cpuSeconds);
        return TimingHistory.ofRun(Map.of(key, seconds), cpu, java.util.Set.of());
    }

    @Test
    void aUnitIsExpectedToTakeTheMedianOfItsLastFiveRunsNotTheLast() {
        TimingHistory history = TimingHistory.empty();
        for (double seconds : new double[] {100, 30, 34, 70, 38, 31}) {
            history = history.withRun(run("Heavy", seconds, null));
        }

        // 100 is forgotten; the median of 30, 34, 70, 38, 31 is 34.
        assertThat(history.expected(unit("Heavy"))).isEqualTo(34.0);
        assertThat(TimingHistory.parse(history.toBytes()).expected(unit("Heavy")))
                .as("the samples are kept in the stored form")
                .isEqualTo(34.0);
        assertThat(history.with(TimingHistory.parse(history.toBytes())).expected(unit("Heavy")))
                .as("overlaying a history with itself adds no run")
                .isEqualTo(34.0);
    }

    @Test
    void theCpuShareIsTheMedianOfCpuOverWallOfTheRunsThatSaidAndZeroWhenNoneDid() {
        TimingHistory history = TimingHistory.empty()
                .withRun(run("Computes", 10, 9.8))
                .withRun(run("Computes", 20, 10.0))
                .withRun(run("Computes", 10, 9.6))
                .withRun(run("Waits", 10, 0.1))
                .withRun(run("Unknown", 10, null));

        assertThat(history.cpuShare(unit("Computes"))).isEqualTo(0.96);
        assertThat(history.cpuShare(unit("Waits"))).isEqualTo(0.01);
        assertThat(history.cpuShare(unit("Unknown"))).isZero();
        assertThat(history.cpuShare(unit("Never"))).isZero();
        Task task = new Task("t0", List.of(unit("Computes"), unit("Waits")), 20).measuredBy(history);
        assertThat(task.cpuShare())
                .as("weighted by expected time: (0.96 * 10 + 0.01 * 10) / 20")
                .isCloseTo(0.485, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aHistoryWrittenBeforeSamplesWereKeptReadsAsOneRunEach() {
        byte[] old = "{\"schema\":2,\"seconds\":{\"A\":4.0},\"failed\":[]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        TimingHistory history =
                TimingHistory.parse(old).withRun(run("A", 8, null)).withRun(run("A", 6, null));

        assertThat(history.expected(unit("A"))).isEqualTo(6.0);
    }
}
