package io.cloudist.core.provision;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.PoolOffer;
import io.cloudist.core.protocol.PoolState;
import io.cloudist.core.store.LocalDirectoryStore;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarmPoolTest {
    private static final long NOW = 1_000_000_000L;
    private final Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private void waiting(Store store, String worker, long writtenAgo, long idleLeft, int nextOffer) {
        store.put(
                StoreKeys.poolState(worker),
                Documents.write(new PoolState(
                        Documents.SCHEMA, worker, "i-" + worker, NOW - writtenAgo, NOW + idleLeft, nextOffer)));
    }

    @Test
    void claimsFreshWaitingWorkersWithTheMostIdleTimeLeftFirst() {
        Store store = new LocalDirectoryStore(temp);
        waiting(store, "a", 1_000, 60_000, 0);
        waiting(store, "b", 1_000, 240_000, 3);
        waiting(store, "c", 1_000, 120_000, 1);
        List<WarmPool.Claimed> claimed = new WarmPool(store, clock).claim("run1", 2);
        assertThat(claimed).extracting(WarmPool.Claimed::workerId).containsExactly("b", "c");
        assertThat(Documents.read(store.get(StoreKeys.poolOffer("b", 3)).orElseThrow(), PoolOffer.class)
                        .runId())
                .isEqualTo("run1");
    }

    @Test
    void ignoresStaleStatesAndWorkersAboutToLeave() {
        Store store = new LocalDirectoryStore(temp);
        waiting(store, "stale", 60_000, 240_000, 0);
        waiting(store, "leaving", 1_000, 5_000, 0);
        assertThat(new WarmPool(store, clock).claim("run1", 5)).isEmpty();
    }

    @Test
    void aWorkerGoesToExactlyOneOfTwoRuns() {
        Store store = new LocalDirectoryStore(temp);
        waiting(store, "a", 1_000, 240_000, 0);
        List<WarmPool.Claimed> first = new WarmPool(store, clock).claim("run1", 1);
        List<WarmPool.Claimed> second = new WarmPool(store, clock).claim("run2", 1);
        assertThat(first).hasSize(1);
        assertThat(second).isEmpty();
    }

    @Test
    void skipsWorkersOnHostsThatAreGoingAwayAndLeavesThemUnclaimed() {
        Store store = new LocalDirectoryStore(temp);
        waiting(store, "a", 1_000, 240_000, 0);
        waiting(store, "b", 1_000, 120_000, 0);
        List<WarmPool.Claimed> claimed = new WarmPool(store, clock)
                .claim("run1", 2, state -> !state.host().equals("i-a"));
        assertThat(claimed).extracting(WarmPool.Claimed::workerId).containsExactly("b");
        assertThat(store.exists(StoreKeys.poolOffer("a", 0))).isFalse();
    }
}
