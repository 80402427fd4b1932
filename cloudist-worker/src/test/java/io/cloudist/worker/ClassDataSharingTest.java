package io.cloudist.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.jvm.ClassDataArchive;
import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestResult;
import io.cloudist.core.protocol.Assignment;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.ModuleManifest;
import io.cloudist.core.protocol.TaskResult;
import io.cloudist.core.provision.InPlace;
import io.cloudist.core.ship.BundleShipper;
import io.cloudist.core.ship.Shipment;
import io.cloudist.core.store.LocalDirectoryStore;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real worker agents running real test JVMs, run after run on one machine's cache: the first run writes a class data
 * archive of the module's jars, and the test JVMs of later runs map it and run their tests on it.
 */
@Timeout(300)
class ClassDataSharingTest {
    private static final List<String> ADDS =
            List.of("[engine:junit-jupiter]/[class:io.cloudist.worker.fixtures.CalculatorFixture]/[method:adds()]");
    /**
     * This module's test classpath, less the test classes of other modules: a build that stops before {@code package}
     * puts a directory of them there instead of a test-jar, and its resources are in jars too, which keeps a classpath
     * from being archived.
     */
    private static final List<Path> CLASSPATH = Arrays.stream(
                    System.getProperty("java.class.path").split(File.pathSeparator))
            .map(Path::of)
            .filter(p -> !p.endsWith(Path.of("target", "test-classes"))
                    || p.toAbsolutePath().startsWith(Path.of("").toAbsolutePath()))
            .toList();

    @TempDir
    Path temp;

    /** What one run of one task left: its result, the test JVM's argument file, log and class loading log. */
    private record Run(TaskResult result, String arguments, String jvmLog, String classLoading) {
        TestResult test() {
            return result.results().stream()
                    .filter(r -> r.node().kind().isTest())
                    .findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void aLocalWorkersNextRunMapsTheArchiveItsFirstRunWroteAndRunsItsTestsOnIt() throws Exception {
        Run first = run("r1", true);
        assertThat(first.test().status()).isEqualTo(Status.PASSED);
        assertThat(first.arguments()).doesNotContain(ClassDataArchive.MAP);
        assertThat(archives()).hasSize(1);

        Run second = run("r2", true);

        assertThat(second.test().status()).isEqualTo(Status.PASSED);
        assertThat(second.result().jvmStarts())
                .as("the test JVM warmed up for the task ran it")
                .isEqualTo(1);
        assertThat(second.arguments())
                .contains(ClassDataArchive.MAP + archives().get(0));
        assertThat(classpathOf(second.arguments()).get(0)).isRegularFile();
        assertThat(second.classLoading())
                .containsPattern("org\\.junit\\.platform\\.launcher\\.core\\.LauncherFactory source: shared objects"
                        + " file \\(top\\)")
                .containsPattern("io\\.cloudist\\.worker\\.fixtures\\.CalculatorFixture source: file:");
    }

    @Test
    void aWorkerThatFetchesItsClasspathFromTheStoreMapsTheArchiveOfItsCachedJars() throws Exception {
        Run first = run("r1", false);
        assertThat(first.test().status()).isEqualTo(Status.PASSED);
        assertThat(archives()).hasSize(1);

        Run second = run("r2", false);

        assertThat(second.test().status()).isEqualTo(Status.PASSED);
        assertThat(second.arguments())
                .contains(ClassDataArchive.MAP + archives().get(0));
        assertThat(classpathOf(second.arguments()).get(0))
                .as("a jar of the worker's blob cache")
                .startsWith(temp.resolve("worker/cache"));
        assertThat(second.classLoading())
                .containsPattern("org\\.junit\\.platform\\.launcher\\.core\\.LauncherFactory source: shared objects"
                        + " file \\(top\\)");
    }

    @Test
    void aDamagedArchiveCostsNoTestAndIsWrittenAgain() throws Exception {
        run("r1", true);
        Path archive = archives().get(0);
        damage(archive);

        Run second = run("r2", true);

        assertThat(second.test().status()).isEqualTo(Status.PASSED);
        assertThat(second.result().jvmStarts())
                .as("the test JVM warmed up for the task ran it")
                .isEqualTo(1);
        assertThat(second.arguments()).doesNotContain(ClassDataArchive.MAP);
        assertNothingSaidOfClassData(second);
        assertThat(archive).as("written again by a writer of the second run").isNotEmptyFile();
        assertThat(run("r3", true).arguments()).contains(ClassDataArchive.MAP + archive);
    }

    @Test
    void aTestJvmThatCannotUseTheArchiveRunsWithoutItAndSaysNothingOfIt() throws Exception {
        run("r1", true);
        Path archive = archives().get(0);
        // Damage the worker cannot see (its checksum file agrees), so that the JVM meets it.
        damage(archive);
        Files.writeString(
                archive.resolveSibling(archive.getFileName() + ".sum"), Files.size(archive) + " " + crc32(archive));

        Run second = run("r2", true);

        assertThat(second.arguments()).contains(ClassDataArchive.MAP + archive);
        assertThat(second.test().status()).isEqualTo(Status.PASSED);
        assertThat(second.result().jvmStarts())
                .as("no JVM crashed: the one warmed up ran it")
                .isEqualTo(1);
        assertNothingSaidOfClassData(second);
        assertThat(second.classLoading()).doesNotContain("shared objects file (top)");
    }

    private static void assertNothingSaidOfClassData(Run run) {
        for (String said : Stream.concat(
                        run.result().results().stream().flatMap(r -> Stream.of(r.stdout(), r.stderr())),
                        Stream.concat(run.result().console().stream().map(c -> c.text()), Stream.of(run.jvmLog())))
                .toList()) {
            assertThat(said).doesNotContainIgnoringCase("cds").doesNotContainIgnoringCase("shared archive");
        }
    }

    /** One run of a worker agent with one task, {@code CalculatorFixture#adds}. */
    private Run run(String runId, boolean inPlace) throws Exception {
        Store store = new LocalDirectoryStore(temp.resolve("store"));
        Path module = Files.createDirectories(temp.resolve("module"));
        Path classLoading = temp.resolve(runId + "-classes.log");
        List<String> argLine = List.of("-Xlog:class+load=info:file=" + classLoading);
        ModuleManifest manifest;
        Path inPlaceFile = null;
        if (inPlace) {
            manifest = ShippedRun.module("", List.of(), List.of(), argLine, Map.of(), 0, true, 0);
            inPlaceFile = temp.resolve("in-place.json");
            InPlace.of(module, CLASSPATH).write(inPlaceFile);
        } else {
            Shipment shipment = new BundleShipper(store, module, temp.resolve("ship")).ship(CLASSPATH, List.of());
            manifest = ShippedRun.module("", shipment.classpath(), shipment.files(), argLine, Map.of(), 0, true, 0);
        }
        ShippedRun.publish(store, runId, manifest);
        store.put(StoreKeys.assignment(runId, "w0", 0), Documents.write(Assignment.task(0, "t0", 1, ADDS)));
        store.put(StoreKeys.assignment(runId, "w0", 1), Documents.write(Assignment.stop(1)));
        List<String> options = new ArrayList<>(List.of(
                "--store",
                store.location(),
                "--run",
                runId,
                "--worker",
                "w0",
                "--dir",
                temp.resolve("worker").toString()));
        if (inPlaceFile != null) {
            options.addAll(List.of("--in-place", inPlaceFile.toString()));
        }

        new WorkerAgent(WorkerOptions.parse(options.toArray(String[]::new))).run();

        Path jvm = temp.resolve("worker/run-" + runId + "/jvm");
        return new Run(
                Documents.read(store.get(StoreKeys.result(runId, "w0", 0)).orElseThrow(), TaskResult.class),
                Files.readString(jvm.resolve("jvm-1.args")),
                Files.readString(jvm.resolve("jvm-1.log")),
                Files.exists(classLoading) ? Files.readString(classLoading) : "");
    }

    private List<Path> archives() throws IOException {
        Path directory = temp.resolve("worker/cache").resolve(ClassDataArchive.CACHE_DIRECTORY);
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa"))
                    .sorted()
                    .toList();
        }
    }

    /** The classpath of a test JVM's argument file: the line after {@code -cp}. */
    private static List<Path> classpathOf(String arguments) {
        List<String> lines = arguments.lines().toList();
        String classpath = lines.get(lines.indexOf("-cp") + 1).replace("\"", "");
        return Arrays.stream(classpath.split(File.pathSeparator)).map(Path::of).toList();
    }

    /** Changes 4 KiB in the middle of a file, keeping its size. */
    private static void damage(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = bytes.length / 2; i < Math.min(bytes.length, bytes.length / 2 + 4096); i++) {
            bytes[i] ^= 0x5a;
        }
        Files.write(file, bytes);
    }

    private static String crc32(Path file) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = Files.newInputStream(file)) {
            crc.update(in.readAllBytes());
        }
        return Long.toHexString(crc.getValue());
    }
}
