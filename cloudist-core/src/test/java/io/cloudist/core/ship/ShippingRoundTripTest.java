package io.cloudist.core.ship;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.protocol.BlobRef;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.RunManifest;
import io.cloudist.core.store.LocalDirectoryStore;
import io.cloudist.core.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippingRoundTripTest {
    @TempDir
    Path temp;

    Path module;
    Path jar;
    Path outsideDir;
    Store store;

    @BeforeEach
    void project() throws Exception {
        module = Files.createDirectories(temp.resolve("module"));
        Files.createDirectories(module.resolve("target/test-classes/a"));
        Files.writeString(module.resolve("target/test-classes/a/FooTest.class"), "class bytes");
        Files.createDirectories(module.resolve("src/test/resources/data"));
        Files.writeString(module.resolve("src/test/resources/data/input.txt"), "hello");
        Files.writeString(module.resolve("pom.xml"), "<project/>");
        jar = TestJars.write(temp.resolve("lib.jar"), "jar bytes");
        outsideDir = Files.createDirectories(temp.resolve("sibling/target/classes"));
        Files.writeString(outsideDir.resolve("Lib.class"), "lib");
        store = new LocalDirectoryStore(temp.resolve("store"));
    }

    private Shipment ship() {
        return new BundleShipper(store, module, temp.resolve("scratch"))
                .ship(List.of(module.resolve("target/test-classes"), jar, outsideDir, temp.resolve("missing.jar")),
                        List.of("src/test/resources/**", "pom.xml"));
    }

    @Test
    void aWorkerRebuildsTheModuleAndClasspathFromTheStore() throws Exception {
        Shipment shipment = ship();
        assertThat(shipment.classpath()).extracting(BlobRef::kind)
                .containsExactly(BlobRef.Kind.DIRECTORY, BlobRef.Kind.JAR, BlobRef.Kind.DIRECTORY);
        RunManifest manifest = new RunManifest(Documents.SCHEMA, "r", shipment.classpath(), shipment.files(), "",
                List.of(), Map.of(), Map.of(), RunManifest.MODULE_DIR, 0, true, 0, Map.of(), true);

        Path workerModule = temp.resolve("worker/module");
        List<Path> classpath = new BundleMaterializer(store, temp.resolve("worker/cache"))
                .materialize(manifest, workerModule, temp.resolve("worker/cp"));

        assertThat(classpath).hasSize(3);
        assertThat(classpath.get(0)).isEqualTo(workerModule.resolve("target/test-classes"));
        assertThat(classpath.get(0).resolve("a/FooTest.class")).hasContent("class bytes");
        assertThat(classpath.get(1).getFileName().toString()).isEqualTo("lib.jar");
        assertThat(classpath.get(1)).hasSameBinaryContentAs(jar);
        assertThat(classpath.get(2).resolve("Lib.class")).hasContent("lib");
        assertThat(workerModule.resolve("src/test/resources/data/input.txt")).hasContent("hello");
        assertThat(workerModule.resolve("pom.xml")).hasContent("<project/>");
    }

    @Test
    void aSecondShipmentOfUnchangedFilesUploadsNothing() throws Exception {
        Shipment first = ship();
        assertThat(first.uploaded()).isEqualTo(first.blobs()).isEqualTo(4);
        Files.setLastModifiedTime(module.resolve("target/test-classes/a/FooTest.class"), FileTime.fromMillis(0));
        Shipment second = ship();
        assertThat(second.uploaded()).isZero();
        assertThat(second.bytesUploaded()).isZero();
        assertThat(second.classpath()).isEqualTo(first.classpath());
    }

    @Test
    void changingOneClassUploadsOnlyTheArchiveThatHoldsIt() throws Exception {
        ship();
        Files.writeString(module.resolve("target/test-classes/a/FooTest.class"), "changed bytes");
        Shipment second = ship();
        assertThat(second.uploaded()).isEqualTo(1);
        assertThat(second.classpath().get(0).path()).isEqualTo("target/test-classes");
    }

    @Test
    void manyEntriesKeepTheirClasspathOrderAndIdenticalOnesAreUploadedOnce() throws Exception {
        List<Path> classpath = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            classpath.add(TestJars.write(temp.resolve("lib-" + i + ".jar"), "jar " + (i % 10)));
        }
        Shipment shipment = new BundleShipper(store, module, temp.resolve("scratch")).ship(classpath, List.of());
        assertThat(shipment.classpath())
                .extracting(BlobRef::path)
                .containsExactlyElementsOf(classpath.stream().map(p -> p.getFileName().toString()).toList());
        assertThat(shipment.blobs()).isEqualTo(20);
        assertThat(shipment.uploaded()).isEqualTo(10);
        long jarSize = Files.size(classpath.get(0));
        assertThat(shipment.bytesUploaded()).isEqualTo(10 * jarSize);
        assertThat(shipment.bytesTotal()).isEqualTo(20 * jarSize);
    }

    @Test
    void reportsGlobsThatMatchNothing() {
        Shipment shipment = new BundleShipper(store, module, temp.resolve("scratch"))
                .ship(List.of(jar), List.of("src/test/resources/**", "fixtures/*.json"));
        assertThat(shipment.unmatchedGlobs()).containsExactly("fixtures/*.json");
    }
}
