package io.cloudist.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The behaviour every {@link Store} implementation must have. Implement {@link #store()} in a subclass. */
public abstract class StoreContract {
    @TempDir
    protected Path temp;

    /** A new, empty store for one test. */
    protected abstract Store store();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void getReturnsWhatPutWrote() {
        Store store = store();
        store.put("runs/r1/run.json", bytes("{\"a\":1}"));
        assertThat(store.get("runs/r1/run.json"))
                .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("{\"a\":1}")));
    }

    @Test
    void getOfAMissingKeyIsEmpty() {
        assertThat(store().get("runs/none/run.json")).isEmpty();
        assertThat(store().exists("runs/none/run.json")).isFalse();
    }

    @Test
    void putReplacesTheValue() {
        Store store = store();
        store.put("k/v", bytes("one"));
        store.put("k/v", bytes("two"));
        assertThat(store.get("k/v")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("two")));
    }

    @Test
    void putIfAbsentCreatesOnlyOnce() {
        Store store = store();
        assertThat(store.putIfAbsent("blobs/sha256/x", bytes("first"))).isTrue();
        assertThat(store.putIfAbsent("blobs/sha256/x", bytes("second"))).isFalse();
        assertThat(store.get("blobs/sha256/x"))
                .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("first")));
    }

    @Test
    void putIfAbsentHasExactlyOneWinnerUnderContention() throws Exception {
        Store store = store();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                byte[] value = bytes("v" + i);
                attempts.add(pool.submit(() -> store.putIfAbsent("lease/once", value)));
            }
            int winners = 0;
            for (Future<Boolean> f : attempts) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void filesRoundTrip() throws Exception {
        Store store = store();
        Path source = Files.write(temp.resolve("in.bin"), new byte[300_000]);
        store.putFile("blobs/sha256/big", source);
        Path target = temp.resolve("out/copy.bin");
        assertThat(store.getFile("blobs/sha256/big", target)).isTrue();
        assertThat(Files.size(target)).isEqualTo(300_000);
        assertThat(store.getFile("blobs/sha256/none", temp.resolve("none"))).isFalse();
    }

    @Test
    void sha256VouchesForAStoredFileAndNeverForBytesThatReplacedIt() throws Exception {
        Store store = store();
        Path file = Files.write(temp.resolve("blob.bin"), bytes("blob bytes"));
        String hash =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes("blob bytes")));

        store.putFile("blobs/sha256/" + hash, file);
        assertThat(store.sha256("blobs/sha256/" + hash)).hasValue(hash);

        store.put("blobs/sha256/" + hash, bytes("tampered"));
        assertThat(store.sha256("blobs/sha256/" + hash)).isNotEqualTo(Optional.of(hash));
        assertThat(store.sha256("blobs/sha256/none")).isEmpty();
    }

    @Test
    void listFindsKeysByPrefixSorted() {
        Store store = store();
        store.put("runs/r/w/w1/out/1", bytes("b"));
        store.put("runs/r/w/w1/out/0", bytes("a"));
        store.put("runs/r/w/w2/out/0", bytes("c"));
        store.put("runs/other/run.json", bytes("d"));
        assertThat(store.list("runs/r/w/w1/")).containsExactly("runs/r/w/w1/out/0", "runs/r/w/w1/out/1");
        assertThat(store.list("runs/r/")).hasSize(3);
    }

    @Test
    void aKeysVersionChangesWithItsValueAndOnlyThen() {
        Store store = store();
        store.put("runs/r/w/w1/beat", bytes("one"));
        store.put("runs/r/w/w1/out/0", bytes("result"));
        store.put("runs/r/w/w2/beat", bytes("two"));
        store.put("runs/other/w/w1/beat", bytes("elsewhere"));
        Map<String, String> first = store.versions("runs/r/w/");

        store.put("runs/r/w/w1/beat", bytes("one, later"));
        store.put("runs/r/w/w1/beat", bytes("one, later still"));
        Map<String, String> second = store.versions("runs/r/w/");

        assertThat(first.keySet())
                .containsExactly("runs/r/w/w1/beat", "runs/r/w/w1/out/0", "runs/r/w/w2/beat")
                .isEqualTo(Set.copyOf(store.list("runs/r/w/")));
        assertThat(second.get("runs/r/w/w1/beat")).isNotEqualTo(first.get("runs/r/w/w1/beat"));
        assertThat(second.get("runs/r/w/w1/out/0")).isEqualTo(first.get("runs/r/w/w1/out/0"));
        assertThat(second.get("runs/r/w/w2/beat")).isEqualTo(first.get("runs/r/w/w2/beat"));
        assertThat(store.versions("runs/none/")).isEmpty();
    }

    @Test
    void aWatchReportsEachChangedKeyWithItsLatestVersion() throws Exception {
        Store store = store();
        store.put("runs/r/w/w1/beat", bytes("before the watch"));
        try (StoreWatch watch = store.watch("runs/r/w/")) {
            Map<String, String> seen = new HashMap<>();
            lookUntilSeen(watch, seen, store.versions("runs/r/w/"));
            assertThat(seen).containsOnlyKeys("runs/r/w/w1/beat");

            store.put("runs/r/w/w1/beat", bytes("once"));
            store.put("runs/r/w/w1/beat", bytes("twice"));
            store.put("runs/r/w/w2/out/0", bytes("a result in a new directory"));
            store.put("runs/other/w/w1/beat", bytes("not watched"));
            Map<String, String> versions = store.versions("runs/r/w/");
            lookUntilSeen(watch, seen, versions);

            assertThat(seen).isEqualTo(versions);
        }
    }

    /**
     * Looks until the watch has reported {@code versions}, or for 20 s: a watch that is told of changes may report one
     * at a time, and one whose answer was lost reports what it held in its next complete listing, which a local
     * directory's watch makes every 5 s.
     */
    private static void lookUntilSeen(StoreWatch watch, Map<String, String> seen, Map<String, String> versions)
            throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (int look = 0; System.nanoTime() < giveUp && !seen.equals(versions); look++) {
            watch.await(Duration.ofMillis(look == 0 ? 0 : 50));
            seen.putAll(watch.next().versions());
        }
    }

    @Test
    void deleteRemovesAndToleratesMissingKeys() {
        Store store = store();
        store.put("a/b", bytes("x"));
        store.delete("a/b");
        store.delete("a/b");
        assertThat(store.exists("a/b")).isFalse();
    }
}
