package io.cloudist.core.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A {@link StoreWatch} that lists the prefix each time it is asked, and waits as long as it is told. */
final class ListingWatch implements StoreWatch {
    private final Store store;
    private final String prefix;

    ListingWatch(Store store, String prefix) {
        this.store = store;
        this.prefix = prefix;
    }

    @Override
    public void await(Duration maxWait) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(maxWait.toNanos()); // returns at once for zero
    }

    @Override
    public Listing next() {
        return new Listing(store.versions(prefix), true);
    }

    @Override
    public boolean notifies() {
        return false;
    }
}
