package io.cloudist.core.provision;

import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.PoolOffer;
import io.cloudist.core.protocol.PoolState;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The warm pool in the Store: workers that finished a run wait there for the next one until their idle time runs
 * out. A run claims a waiting worker by creating its next offer with put-if-absent; exactly one run wins it.
 */
public final class WarmPool {
    /** A state older than this is from a worker that is gone or about to be. */
    static final long FRESH_MILLIS = 20_000;
    /** A worker this close to its idle deadline might leave before it sees the offer. */
    static final Duration DEFAULT_MARGIN = Duration.ofSeconds(15);

    private final Store store;
    private final Clock clock;
    private final Duration margin;

    public WarmPool(Store store, Clock clock) {
        this(store, clock, DEFAULT_MARGIN);
    }

    /** @param margin skip workers whose idle time ends sooner than this */
    public WarmPool(Store store, Clock clock, Duration margin) {
        this.store = store;
        this.clock = clock;
        this.margin = margin;
    }

    /** A claimed worker: its id and where it runs. */
    public record Claimed(String workerId, String host) {}

    /** Claims up to {@code max} waiting workers for {@code runId}, those with the most idle time left first. */
    public List<Claimed> claim(String runId, int max) {
        return claim(runId, max, state -> true);
    }

    /**
     * Claims up to {@code max} waiting workers that {@code usable} accepts (not, say, one on an instance that is being
     * terminated, or one that already worked for this run), those with the most idle time left first.
     */
    public List<Claimed> claim(String runId, int max, Predicate<PoolState> usable) {
        long now = clock.millis();
        List<PoolState> waiting = new ArrayList<>();
        for (String key : store.list(StoreKeys.POOL)) {
            if (key.endsWith("/state")) {
                readState(key)
                        .filter(s -> now - s.timeMillis() < FRESH_MILLIS)
                        .filter(s -> s.idleUntilMillis() - now > margin.toMillis())
                        .filter(usable)
                        .ifPresent(waiting::add);
            }
        }
        waiting.sort(Comparator.comparingLong(PoolState::idleUntilMillis).reversed());
        List<Claimed> claimed = new ArrayList<>();
        byte[] offer = Documents.write(new PoolOffer(Documents.SCHEMA, runId, now));
        for (PoolState state : waiting) {
            if (claimed.size() >= max) {
                break;
            }
            if (store.putIfAbsent(StoreKeys.poolOffer(state.workerId(), state.nextOffer()), offer)) {
                claimed.add(new Claimed(state.workerId(), state.host()));
            }
        }
        return claimed;
    }

    private Optional<PoolState> readState(String key) {
        try {
            return store.get(key).map(bytes -> Documents.read(bytes, PoolState.class));
        } catch (RuntimeException e) {
            return Optional.empty(); // a half-gone worker's state is not worth failing a run over
        }
    }
}
