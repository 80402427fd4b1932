package io.cloudist.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.plan.TimingHistory;
import io.cloudist.core.store.LocalDirectoryStore;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedTimingsTest {
    private static final String PROJECT = "com.example:shop";

    @TempDir
    Path temp;

    private SharedTimings machine(String name, Store shared) {
        return new SharedTimings(temp.resolve(name).resolve("timings.json"), Optional.of(shared), PROJECT);
    }

    @Test
    void aFreshMachinePlansWithWhatAnotherMachineMeasured() {
        Store shared = new LocalDirectoryStore(temp.resolve("store"));
        SharedTimings ci1 = machine("ci-1", shared);
        ci1.record(ci1.read(), new TimingHistory(Map.of("SlowTest", 42.0, "FastTest", 0.5)));

        TimingHistory onAFreshMachine = machine("ci-2", shared).read();

        assertThat(onAFreshMachine.asMap()).containsEntry("SlowTest", 42.0).containsEntry("FastTest", 0.5);
        assertThat(shared.exists(StoreKeys.timings(PROJECT))).isTrue();
        assertThat(StoreKeys.timings(PROJECT)).isEqualTo("timings/com.example/shop.json");
    }

    @Test
    void twoMachinesRecordingAtOnceKeepEachOthersMeasurements() {
        Store shared = new LocalDirectoryStore(temp.resolve("store"));
        SharedTimings a = machine("a", shared);
        SharedTimings b = machine("b", shared);
        TimingHistory plannedByA = a.read();
        TimingHistory plannedByB = b.read();

        a.record(plannedByA, new TimingHistory(Map.of("ATest", 3.0)));
        b.record(plannedByB, new TimingHistory(Map.of("BTest", 4.0)));

        assertThat(machine("c", shared).read().asMap())
                .containsEntry("ATest", 3.0)
                .containsEntry("BTest", 4.0);
    }

    @Test
    void thisMachinesOwnMeasurementsWinOverTheStoresForTheSameUnit() {
        Store shared = new LocalDirectoryStore(temp.resolve("store"));
        shared.put(StoreKeys.timings(PROJECT), new TimingHistory(Map.of("SlowTest", 40.0, "OtherTest", 1.0)).toBytes());
        SharedTimings here = machine("here", shared);
        new TimingHistory(Map.of("SlowTest", 10.0)).write(temp.resolve("here").resolve("timings.json"));

        assertThat(here.read().asMap()).containsEntry("SlowTest", 10.0).containsEntry("OtherTest", 1.0);
    }

    @Test
    void theUnitsThatFailedAreRememberedUntilTheyRunWithoutFailing() {
        SharedTimings alone = new SharedTimings(temp.resolve("timings.json"), Optional.empty(), PROJECT);
        alone.record(alone.read(), new TimingHistory(Map.of("ATest", 1.0, "BTest", 1.0), Set.of("ATest")));
        assertThat(alone.read().failed()).containsExactly("ATest");

        alone.record(alone.read(), new TimingHistory(Map.of("BTest", 1.0), Set.of("BTest")));
        assertThat(alone.read().failed()).containsExactlyInAnyOrder("ATest", "BTest");

        alone.record(alone.read(), new TimingHistory(Map.of("ATest", 1.0), Set.of()));
        assertThat(alone.read().failed()).containsExactly("BTest");
    }

    @Test
    void withoutASharedStoreOnlyTheLocalFileIsUsed() {
        SharedTimings alone = new SharedTimings(temp.resolve("timings.json"), Optional.empty(), PROJECT);
        alone.record(alone.read(), new TimingHistory(Map.of("ATest", 2.0)));

        assertThat(TimingHistory.read(temp.resolve("timings.json")).asMap()).containsEntry("ATest", 2.0);
    }
}
