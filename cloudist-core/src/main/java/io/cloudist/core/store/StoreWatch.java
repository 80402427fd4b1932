package io.cloudist.core.store;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Tells a reader which keys under a prefix may have changed ({@link Store#watch}): each call returns the versions
 * ({@link Store#versions}) of every key under it, or, when the store was told which keys changed, of those keys only.
 * A reader compares them with the versions it saw before; a version it has seen means a value it has read. A watch
 * remembers nothing of what it returned: a reader that missed an answer (a failed call) finds the change again in
 * the next complete listing.
 */
public interface StoreWatch extends AutoCloseable {
    /**
     * Waits until a key under the prefix may have changed, or {@code maxWait} has passed: a watch that {@link
     * #notifies} returns as soon as it is told of a change; one that does not waits {@code maxWait}. It never fails for
     * the store: what it waited for is read by {@link #next}.
     */
    void await(Duration maxWait) throws InterruptedException;

    /**
     * Versions of keys under the prefix: of those it was told changed since the last call, or of every key (at least
     * every few seconds for a watch that {@link #notifies}, every time for one that does not).
     */
    Listing next();

    /** True when {@link #await} returns as soon as a key changes; false when it waits as long as it is told. */
    boolean notifies();

    @Override
    default void close() {}

    /**
     * This watch, each of whose listings is made through {@code call} (a store that retries its requests, or one that
     * fails them on purpose); its waits are this watch's own.
     */
    default StoreWatch listingThrough(Function<Supplier<Listing>, Listing> call) {
        StoreWatch watch = this;
        return new StoreWatch() {
            @Override
            public void await(Duration maxWait) throws InterruptedException {
                watch.await(maxWait);
            }

            @Override
            public Listing next() {
                return call.apply(watch::next);
            }

            @Override
            public boolean notifies() {
                return watch.notifies();
            }

            @Override
            public void close() {
                watch.close();
            }
        };
    }

    /**
     * Keys and their versions.
     *
     * @param versions key to version, in key order
     * @param complete true when every key under the prefix is there (a key missing from it is gone); false when only
     *     keys that changed are
     */
    record Listing(Map<String, String> versions, boolean complete) {
        /** Not copied: a listing of a thousand workers' keys, each poll, is the coordinator's largest value. */
        public Listing {
            versions = Collections.unmodifiableMap(versions);
        }
    }
}
