package io.cloudist.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;

/**
 * The store contract holds through a {@link ResilientStore} over a store that fails a third of its calls, half of
 * them after the call took effect (a lost answer).
 */
class ResilientStoreContractTest extends StoreContract {
    private static final Queue<FaultyStore> FAULTY = new ConcurrentLinkedQueue<>();

    @Override
    protected Store store() {
        FaultyStore store = new FaultyStore(
                new LocalDirectoryStore(temp.resolve("store")), () -> FaultPlan.NONE.withFailureRate(0.33));
        FAULTY.add(store);
        return new ResilientStore(store, Duration.ofSeconds(30));
    }

    @AfterAll
    static void faultsWereInjected() {
        assertThat(FAULTY.stream().mapToLong(FaultyStore::injectedFailures).sum())
                .as("failures injected across the contract")
                .isGreaterThan(5);
    }
}
