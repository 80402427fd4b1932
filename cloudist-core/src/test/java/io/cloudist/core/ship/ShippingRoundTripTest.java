package io.cloudist.core.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudist.core.protocol.BlobRef;
import io.cloudist.core.protocol.ModuleManifest;
import io.cloudist.core.protocol.RunManifest;
import io.cloudist.core.store.LocalDirectoryStore;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippingRoundTripTest {
    static final long LONG_AGO = 1_700_000_000_000L;

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
                .ship(
                        List.of(module.resolve("target/test-classes"), jar, outsideDir, temp.resolve("missing.jar")),
                        List.of("src/test/resources/**", "pom.xml"));
    }

    @Test
    void aWorkerRebuildsTheModuleAndClasspathFromTheStore() throws Exception {
        Shipment shipment = ship();
        assertThat(shipment.classpath())
                .extracting(BlobRef::kind)
                .containsExactly(BlobRef.Kind.DIRECTORY, BlobRef.Kind.JAR, BlobRef.Kind.DIRECTORY);
        ModuleManifest manifest = manifest(shipment);

        Path workerModule = temp.resolve("worker/module");
        List<Path> classpath = new BundleMaterializer(store, temp.resolve("worker/cache"))
                .materialize(manifest, workerModule, temp.resolve("worker/cp"))
                .classpath();

        assertThat(classpath).hasSize(3);
        assertThat(classpath.get(0)).isEqualTo(workerModule.resolve("target/test-classes"));
        assertThat(classpath.get(0).resolve("a/FooTest.class")).hasContent("class bytes");
        assertThat(classpath.get(1).getFileName().toString()).isEqualTo("lib.jar");
        assertThat(classpath.get(1)).hasSameBinaryContentAs(jar);
        assertThat(classpath.get(2).resolve("Lib.class")).hasContent("lib");
        assertThat(workerModule.resolve("src/test/resources/data/input.txt")).hasContent("hello");
        assertThat(workerModule.resolve("pom.xml")).hasContent("<project/>");
    }

    private static ModuleManifest manifest(Shipment shipment) {
        return new ModuleManifest(
                "",
                shipment.classpath(),
                shipment.files(),
                "",
                List.of(),
                Map.of(),
                Map.of(),
                RunManifest.MODULE_DIR,
                0,
                true,
                0,
                Map.of(),
                true,
                shipment.modulePath(),
                List.of());
    }

    @Test
    void theProjectsFilesTravelWithTheTestsAndTheModuleKeepsItsPlaceInTheTree() throws Exception {
        Path root = temp.resolve("project");
        Path app = Files.createDirectories(root.resolve("app/src/main/java/x"));
        Files.writeString(app.resolve("Foo.java"), "class Foo {}");
        Files.writeString(root.resolve("app/pom.xml"), "<project>app</project>");
        Files.writeString(
                Files.createDirectories(root.resolve("sibling")).resolve("pom.xml"), "<project>sibling</project>");
        Files.writeString(
                Files.createDirectories(root.resolve("app/target/classes")).resolve("Foo.class"), "foo");
        Files.writeString(root.resolve("app/target/app.jar"), "not on the classpath");
        Files.writeString(Files.createDirectories(root.resolve(".git")).resolve("HEAD"), "ref");
        Files.writeString(Files.createDirectories(root.resolve("docs")).resolve("big.iso"), "excluded");
        Files.writeString(root.resolve(".env"), "TOKEN=secret");
        Files.writeString(Files.createDirectories(root.resolve("app/.aws")).resolve("credentials"), "secret");
        Files.writeString(Files.createDirectories(temp.resolve("shared")).resolve("fixture.json"), "{}");
        ProjectTree tree = new ProjectTree(root, List.of(root.resolve("app/target")), List.of("**/*.iso"));

        Shipment shipment = new BundleShipper(store, root.resolve("app"), temp.resolve("scratch"))
                .ship(List.of(root.resolve("app/target/classes")), List.of("../../shared/**"), tree);
        Path worker = temp.resolve("worker/tree");
        BundleMaterializer.Materialized bundle = new BundleMaterializer(store, temp.resolve("worker/cache"))
                .materialize(manifest(shipment), worker, temp.resolve("worker/cp"));

        assertThat(shipment.modulePath()).isEqualTo("project/app");
        assertThat(shipment.projectFiles()).isEqualTo(3);
        assertThat(bundle.moduleDirectory()).isEqualTo(worker.resolve("project/app"));
        Path module = bundle.moduleDirectory();
        assertThat(module.resolve("src/main/java/x/Foo.java")).hasContent("class Foo {}");
        assertThat(module.resolve("pom.xml")).hasContent("<project>app</project>");
        assertThat(module.resolve("../sibling/pom.xml").normalize()).hasContent("<project>sibling</project>");
        assertThat(module.resolve("../../shared/fixture.json").normalize()).hasContent("{}");
        assertThat(bundle.classpath()).containsExactly(module.resolve("target/classes"));
        assertThat(module.resolve("target/classes/Foo.class")).hasContent("foo");
        assertThat(module.resolve("target/app.jar")).doesNotExist();
        assertThat(worker.resolve("project/.git")).doesNotExist();
        assertThat(worker.resolve("project/docs/big.iso")).doesNotExist();
        assertThat(worker.resolve("project/.env")).doesNotExist();
        assertThat(worker.resolve("project/app/.aws")).doesNotExist();
    }

    @Test
    void theModulesOfOneRunShipWhatTheyShareOnceAndAWorkerRebuildsThemInOneTree() throws Exception {
        Path root = temp.resolve("reactor");
        Path core = Files.createDirectories(root.resolve("core/target/classes"));
        Files.writeString(core.resolve("Core.class"), "core");
        Path app = Files.createDirectories(root.resolve("app/target/classes"));
        Files.writeString(app.resolve("App.class"), "app");
        Files.writeString(root.resolve("pom.xml"), "<project>root</project>");
        ProjectTree tree = new ProjectTree(root, List.of(), List.of());
        ShippedEntries shipped = new ShippedEntries();

        Shipment first = new BundleShipper(store, root.resolve("core"), temp.resolve("core-scratch"), shipped)
                .ship(List.of(core, jar), List.of(), tree);
        Shipment second = new BundleShipper(store, root.resolve("app"), temp.resolve("app-scratch"), shipped)
                .ship(List.of(app, core, jar), List.of(), tree);

        assertThat(second.uploaded()).as("only app's own classes are new").isEqualTo(1);
        assertThat(second.classpath().subList(1, 3)).isEqualTo(first.classpath());
        assertThat(second.files()).isEqualTo(first.files());
        assertThat(second.projectFiles()).isEqualTo(first.projectFiles()).isPositive();
        BundleMaterializer materializer = new BundleMaterializer(store, temp.resolve("w/cache"));
        Path worker = temp.resolve("w/tree");
        BundleMaterializer.Materialized coreModule =
                materializer.materialize(manifest(first), worker, temp.resolve("w/cp"));
        BundleMaterializer.Materialized appModule =
                materializer.materialize(manifest(second), worker, temp.resolve("w/cp"));
        assertThat(coreModule.moduleDirectory()).isEqualTo(worker.resolve("core"));
        assertThat(appModule.moduleDirectory()).isEqualTo(worker.resolve("app"));
        assertThat(appModule.classpath().get(1))
                .isEqualTo(coreModule.classpath().get(0));
        assertThat(appModule.classpath().get(0).resolve("App.class")).hasContent("app");
        assertThat(worker.resolve("pom.xml")).hasContent("<project>root</project>");
    }

    @Test
    void anUnchangedProjectIsNeitherArchivedNorUploadedAgainAndOneChangedFileUploadsOnePack() throws Exception {
        Path root = temp.resolve("project");
        for (int i = 0; i < 300; i++) {
            Files.writeString(
                    Files.createDirectories(root.resolve("src/p" + (i % 7))).resolve("F" + i + ".java"), "f" + i);
        }
        ProjectTree tree = new ProjectTree(root, List.of(), List.of());
        Shipment first = new BundleShipper(store, root, temp.resolve("scratch")).ship(List.of(), List.of(), tree);
        Shipment second = new BundleShipper(store, root, temp.resolve("scratch")).ship(List.of(), List.of(), tree);
        Files.writeString(root.resolve("src/p3/F10.java"), "changed");
        Shipment third = new BundleShipper(store, root, temp.resolve("scratch")).ship(List.of(), List.of(), tree);

        assertThat(first.files()).hasSizeGreaterThan(1);
        assertThat(first.uploaded()).isEqualTo(first.files().size());
        assertThat(second.uploaded()).isZero();
        assertThat(second.files()).isEqualTo(first.files());
        assertThat(third.uploaded()).isEqualTo(1);
        assertThat(third.files()).hasSameSizeAs(first.files());
    }

    @Test
    void aBlobWhoseBytesDoNotMatchItsNameIsRefused() throws Exception {
        Shipment shipment = ship();
        BlobRef jarRef = shipment.classpath().get(1);
        store.put(io.cloudist.core.store.StoreKeys.blob(jarRef.sha256()), "tampered".getBytes());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BundleMaterializer(store, temp.resolve("w/cache"))
                        .materialize(manifest(shipment), temp.resolve("w/tree"), temp.resolve("w/cp")))
                .hasMessageContaining("does not match its name")
                .hasMessageContaining(jarRef.sha256());
        assertThat(temp.resolve("w/cache").resolve(jarRef.sha256()).resolve("lib.jar"))
                .doesNotExist();
    }

    @Test
    void aManifestWhosePathsLeaveTheTreeIsRefused() {
        Shipment shipment = ship();
        BlobRef dir = shipment.classpath().get(0);
        ModuleManifest escaping = new ModuleManifest(
                "",
                List.of(new BlobRef(dir.sha256(), dir.size(), BlobRef.Kind.DIRECTORY, "../../etc")),
                List.of(),
                "",
                List.of(),
                Map.of(),
                Map.of(),
                RunManifest.MODULE_DIR,
                0,
                true,
                0,
                Map.of(),
                true,
                "",
                List.of());
        BlobRef jar = shipment.classpath().get(1);
        ModuleManifest badJar = new ModuleManifest(
                "",
                List.of(new BlobRef(jar.sha256(), jar.size(), BlobRef.Kind.JAR, "../evil.jar")),
                List.of(),
                "",
                List.of(),
                Map.of(),
                Map.of(),
                RunManifest.MODULE_DIR,
                0,
                true,
                0,
                Map.of(),
                true,
                "/abs",
                List.of());

        BundleMaterializer materializer = new BundleMaterializer(store, temp.resolve("w/cache"));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> materializer.materialize(escaping, temp.resolve("w/tree"), temp.resolve("w/cp")))
                .hasMessageContaining("'../../etc' is not a relative path inside its directory");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> materializer.materialize(badJar, temp.resolve("w/tree"), temp.resolve("w/cp")))
                .hasMessageContaining("'/abs' is not a relative path");
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
    void aClassDirectoryWhoseFilesKeptTheirSizesAndTimesIsNotArchivedAgain() throws Exception {
        Path classFile = module.resolve("target/test-classes/a/FooTest.class");
        Files.setLastModifiedTime(classFile, FileTime.fromMillis(LONG_AGO));
        Shipment first = ship();

        // same size and time, other bytes: only a shipment that did not archive the directory again keeps the old
        Files.writeString(classFile, "CLASS BYTES");
        Files.setLastModifiedTime(classFile, FileTime.fromMillis(LONG_AGO));
        Shipment second = ship();

        assertThat(second.classpath().get(0)).isEqualTo(first.classpath().get(0));
        assertThat(second.uploaded()).isZero();
        Files.setLastModifiedTime(classFile, FileTime.fromMillis(LONG_AGO + 1));
        assertThat(ship().classpath().get(0).sha256())
                .isNotEqualTo(first.classpath().get(0).sha256());
    }

    @Test
    void aClassDirectoryModifiedJustBeforeItsShipmentIsArchivedAgainForItMayChangeWithinTheClocksTick()
            throws Exception {
        Path classFile = module.resolve("target/test-classes/a/FooTest.class");
        FileTime justNow = Files.getLastModifiedTime(classFile);
        Shipment first = ship();

        Files.writeString(classFile, "CLASS BYTES");
        Files.setLastModifiedTime(classFile, justNow);

        assertThat(ship().classpath().get(0).sha256())
                .isNotEqualTo(first.classpath().get(0).sha256());
    }

    @Test
    void aRememberedArchiveWhoseBlobLeftTheStoreIsArchivedAndUploadedAgain() throws Exception {
        Files.setLastModifiedTime(module.resolve("target/test-classes/a/FooTest.class"), FileTime.fromMillis(LONG_AGO));
        Shipment first = ship();
        BlobRef classes = first.classpath().get(0);
        Files.delete(temp.resolve("store").resolve(StoreKeys.blob(classes.sha256())));

        Shipment second = ship();

        assertThat(second.classpath().get(0)).isEqualTo(classes);
        assertThat(second.uploaded()).isEqualTo(1);
        assertThat(store.sha256(StoreKeys.blob(classes.sha256()))).hasValue(classes.sha256());
    }

    @Test
    void onlyTheArchivesOfTheLastShipmentAreRemembered() throws Exception {
        Path classFile = module.resolve("target/test-classes/a/FooTest.class");
        Files.setLastModifiedTime(classFile, FileTime.fromMillis(LONG_AGO));
        ship();
        Files.writeString(classFile, "recompiled class bytes");
        Files.setLastModifiedTime(classFile, FileTime.fromMillis(LONG_AGO + 1));
        Shipment second = ship();

        Map<?, ?> remembered = new ObjectMapper()
                .readValue(
                        temp.resolve("scratch")
                                .resolve(BundleShipper.DIRECTORIES)
                                .toFile(),
                        Map.class);
        assertThat(remembered.values())
                .singleElement()
                .satisfies(ref -> assertThat(ref.toString())
                        .contains(second.classpath().get(0).sha256()));
    }

    @Test
    void aShipmentWithoutClassDirectoriesKeepsTheArchivesTheLastOneRemembered() throws Exception {
        Files.setLastModifiedTime(module.resolve("target/test-classes/a/FooTest.class"), FileTime.fromMillis(LONG_AGO));
        ship();
        Path remembered = temp.resolve("scratch").resolve(BundleShipper.DIRECTORIES);
        String before = Files.readString(remembered);

        new BundleShipper(store, module, temp.resolve("scratch")).ship(List.of(jar), List.of());

        assertThat(Files.readString(remembered)).isEqualTo(before).contains("target/test-classes");
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
                .containsExactlyElementsOf(
                        classpath.stream().map(p -> p.getFileName().toString()).toList());
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
