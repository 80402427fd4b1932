package io.cloudist.core.coordinate;

import io.cloudist.core.store.StoreWatch.Listing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The version of each document the coordinator has seen, so that it reads a document again only when it changed: a
 * document written twice between two looks is read once, with what the second write left; one that did not change is
 * not read again.
 */
final class SeenVersions {
    private final Map<String, String> seen = new HashMap<>();
    private final Predicate<String> wanted;

    /** @param wanted the keys worth following; the others are not kept */
    SeenVersions(Predicate<String> wanted) {
        this.wanted = wanted;
    }

    /**
     * The wanted keys of {@code listing} whose version differs from the one seen before, or that were not seen; from
     * now on seen with their new version. A complete listing also forgets the keys it no longer holds, so that one
     * written again is new.
     */
    List<String> changed(Listing listing) {
        List<String> changed = new ArrayList<>();
        int held = 0;
        for (Map.Entry<String, String> entry : listing.versions().entrySet()) {
            if (wanted.test(entry.getKey())) {
                held++;
                String before = seen.put(entry.getKey(), entry.getValue()); // one lookup, changed or not
                if (!entry.getValue().equals(before)) {
                    changed.add(entry.getKey());
                }
            }
        }
        if (listing.complete() && seen.size() > held) {
            seen.keySet().retainAll(listing.versions().keySet());
        }
        return changed;
    }

    /** Forgets what was seen of {@code key}: the next listing that holds it reports it as changed. */
    void forget(String key) {
        seen.remove(key);
    }
}
