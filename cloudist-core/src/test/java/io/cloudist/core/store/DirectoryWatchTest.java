package io.cloudist.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.cloudist.core.store.StoreWatch.Listing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local store's watch: woken by the file system, and listing everything now and then for what it was not told. */
class DirectoryWatchTest {
    private static final String PREFIX = "runs/r/w/";

    @TempDir
    Path temp;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private DirectoryWatch watch(LocalDirectoryStore store, DirectoryWatch.Registrar registrar, Duration fallback)
            throws IOException {
        WatchService service = FileSystems.getDefault().newWatchService();
        return new DirectoryWatch(store, PREFIX, temp.resolve("store/runs/r/w"), service, registrar, fallback);
    }

    private static Listing look(DirectoryWatch watch, Duration wait) throws InterruptedException {
        watch.await(wait);
        return watch.next();
    }

    private static DirectoryWatch.Registrar watching() {
        return (directory, service) ->
                directory.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
    }

    @Test
    void aWriteWakesTheWatchWhichReportsOnlyWhatChangedInNewDirectoriesToo() throws Exception {
        LocalDirectoryStore store = new LocalDirectoryStore(temp.resolve("store"));
        store.put("runs/r/w/w1/beat", bytes("1"));
        // No listing comes before the hour is out: only the file system's notifications can report these writes.
        try (DirectoryWatch watch = watch(store, watching(), Duration.ofHours(1))) {
            assumeThat(watch.notifies()).as("the file system notifies").isTrue();
            assertThat(look(watch, Duration.ZERO)).isEqualTo(new Listing(store.versions(PREFIX), true));

            store.put("runs/r/w/w1/beat", bytes("2"));
            store.put("runs/r/w/w2/out/0", bytes("a result, in directories made for it"));
            Map<String, String> reported = new HashMap<>();
            while (reported.size() < 2) {
                Listing listing = look(watch, Duration.ofSeconds(30));
                assertThat(listing.complete()).isFalse();
                assertThat(listing.versions()).as("a notification within 30 s").isNotEmpty();
                reported.putAll(listing.versions());
            }

            Map<String, String> now = store.versions(PREFIX);
            assertThat(reported)
                    .containsOnlyKeys("runs/r/w/w1/beat", "runs/r/w/w2/out/0")
                    .containsEntry("runs/r/w/w1/beat", now.get("runs/r/w/w1/beat"))
                    .containsEntry("runs/r/w/w2/out/0", now.get("runs/r/w/w2/out/0"));
        }
    }

    @Test
    void aChangeNobodyWasToldOfIsFoundByTheNextListing() throws Exception {
        LocalDirectoryStore store = new LocalDirectoryStore(temp.resolve("store"));
        // As when inotify's limit of watches is reached: no directory is watched, no notification comes.
        DirectoryWatch.Registrar refused = (directory, service) -> {
            throw new IOException("User limit of inotify watches reached");
        };
        try (DirectoryWatch watch = watch(store, refused, Duration.ofMillis(200))) {
            assertThat(look(watch, Duration.ZERO).versions()).isEmpty();

            store.put("runs/r/w/w1/out/0", bytes("a result"));
            Listing listing = look(watch, Duration.ofMillis(50));
            while (listing.versions().isEmpty()) {
                listing = look(watch, Duration.ofSeconds(30));
            }

            assertThat(listing).isEqualTo(new Listing(store.versions(PREFIX), true));
            assertThat(listing.versions()).containsOnlyKeys("runs/r/w/w1/out/0");
        }
    }

    @Test
    void withoutNotificationsEachLookListsThePrefix() throws Exception {
        LocalDirectoryStore store = new LocalDirectoryStore(temp.resolve("store"));
        store.put("runs/r/w/w1/beat", bytes("1"));
        store.put("runs/r/lease", bytes("not under the prefix"));
        try (DirectoryWatch watch = new DirectoryWatch(
                store, PREFIX, temp.resolve("store/runs/r/w"), null, watching(), Duration.ofHours(1))) {
            assertThat(watch.notifies()).isFalse();
            assertThat(look(watch, Duration.ofMillis(1)))
                    .isEqualTo(new Listing(
                            Map.of("runs/r/w/w1/beat", store.versions(PREFIX).get("runs/r/w/w1/beat")), true));
        }
    }
}
