package io.cloudist.core.ship;

import io.cloudist.core.protocol.BlobRef;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the shipments of one run have shipped already. The modules of a reactor share most of what they ship: a
 * dependency jar, a module's classes on its dependents' classpaths, the project's files; each is then hashed, archived
 * and checked in the store once for all of them. A shortcut on the coordinator only: every blob is still named by its
 * content hash, which workers check.
 */
public final class ShippedEntries {
    private final Map<String, BlobRef> entries = new ConcurrentHashMap<>();
    private final Map<String, Tree> trees = new ConcurrentHashMap<>();

    /** The packs of a project tree and how many files they hold. */
    record Tree(List<BlobRef> packs, int files) {}

    BlobRef entry(String key) {
        return entries.get(key);
    }

    void entry(String key, BlobRef ref) {
        entries.putIfAbsent(key, ref);
    }

    Tree tree(String key) {
        return trees.get(key);
    }

    void tree(String key, Tree tree) {
        trees.putIfAbsent(key, tree);
    }
}
