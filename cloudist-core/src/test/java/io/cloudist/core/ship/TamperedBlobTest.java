package io.cloudist.core.ship;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.protocol.BlobRef;
import io.cloudist.core.store.ForwardingStore;
import io.cloudist.core.store.LocalDirectoryStore;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A blob is not trusted by its name: bytes changed under its key in the store are replaced by the next shipment. */
class TamperedBlobTest {
    @TempDir
    Path temp;

    Path module;
    Path jar;
    LocalDirectoryStore store;

    @BeforeEach
    void project() throws Exception {
        module = Files.createDirectories(temp.resolve("module"));
        jar = TestJars.write(temp.resolve("lib.jar"), "jar bytes");
        store = new LocalDirectoryStore(temp.resolve("store"));
    }

    @Test
    void aJarWhoseStoredBytesWereReplacedIsUploadedAgain() throws Exception {
        BlobRef ref = ship(store).classpath().get(0);
        String key = StoreKeys.blob(ref.sha256());
        store.put(key, "tampered".getBytes(StandardCharsets.UTF_8));

        Shipment again = ship(store);

        assertThat(again.uploaded()).isEqualTo(1);
        assertThat(again.bytesUploaded()).isEqualTo(Files.size(jar));
        byte[] original = Files.readAllBytes(jar);
        assertThat(store.get(key)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(original));
        assertThat(ship(store).uploaded()).as("then it is trusted again").isZero();
    }

    @Test
    void aPackOfProjectFilesWhoseStoredBytesWereReplacedIsUploadedAgain() throws Exception {
        Path root = temp.resolve("project");
        Files.writeString(Files.createDirectories(root.resolve("src")).resolve("A.java"), "class A {}");
        ProjectTree tree = new ProjectTree(root, List.of(), List.of());
        Shipment first = new BundleShipper(store, root, temp.resolve("scratch")).ship(List.of(), List.of(), tree);
        String key = StoreKeys.blob(first.files().get(0).sha256());
        byte[] pack = store.get(key).orElseThrow();
        store.put(key, "tampered".getBytes(StandardCharsets.UTF_8));

        Shipment again = new BundleShipper(store, root, temp.resolve("scratch")).ship(List.of(), List.of(), tree);

        assertThat(again.uploaded()).isEqualTo(1);
        assertThat(again.files()).isEqualTo(first.files());
        assertThat(store.get(key)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(pack));
    }

    @Test
    void aStoreThatCannotVouchForABlobGetsItUploadedEveryTime() {
        Store blind = new Blind(store);
        ship(blind);

        assertThat(ship(blind).uploaded()).isEqualTo(1);
    }

    private Shipment ship(Store target) {
        return new BundleShipper(target, module, temp.resolve("scratch")).ship(List.of(jar), List.of());
    }

    /** A store that knows nothing of its values' hashes: {@link Store#sha256}'s default. */
    private static final class Blind extends ForwardingStore {
        Blind(Store inner) {
            super(inner);
        }
    }
}
