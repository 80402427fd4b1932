package io.cloudist.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.RunListener;
import io.cloudist.core.cloud.CloudSettings;
import io.cloudist.core.jvm.TestJvmSpec;
import io.cloudist.core.report.ConsoleLine;
import io.cloudist.core.select.TestSelection;
import io.cloudist.core.ship.ProjectTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cloudist:image} of a reactor asks its backend for the image that the reactor's run boots from: the lead's
 * worker jars and the test classpath that the run forms of its modules.
 */
class CloudistImageTest {
    @TempDir
    Path temp;

    private final List<String> lines = new ArrayList<>();
    private final RunListener listener = new RunListener() {
        @Override
        public void line(ConsoleLine line) {
            lines.add(line.text());
        }
    };

    @BeforeEach
    void forget() {
        synchronized (ImageRecordingProvider.PREPARED) {
            ImageRecordingProvider.PREPARED.clear();
        }
    }

    @Test
    void aReactorsImageHoldsTheTestClasspathOfEveryModuleWithTestClassesEachElementOnce() throws Exception {
        Path shared = Files.createFile(temp.resolve("junit.jar"));
        Path coreJar = Files.createFile(temp.resolve("core-only.jar"));
        Path docsJar = Files.createFile(temp.resolve("docs-only.jar"));
        Path appJar = Files.createFile(temp.resolve("app-only.jar"));
        RunRequest core = module("core", true, List.of(coreJar, shared));
        RunRequest docs = module("docs", false, List.of(docsJar, shared));
        RunRequest app = module("app", true, List.of(appJar, shared));
        ReactorRequest reactor = new ReactorRequest(module("root", false, List.of()), List.of(core, docs, app));

        Cloudist.image(reactor, listener);

        assertThat(ImageRecordingProvider.PREPARED).hasSize(1);
        List<Path> testClasspath = ImageRecordingProvider.PREPARED.get(0).get(1);
        List<ModuleRun> selected = List.of(new ModuleRun(core, listener, false), new ModuleRun(app, listener, false));
        assertThat(testClasspath)
                .as("the run's own classpath of the same modules")
                .isEqualTo(TestRun.workerTestClasspath(selected))
                .containsExactly(classes("core"), coreJar, shared, classes("app"), appJar)
                .doesNotContain(docsJar);
        assertThat(ImageRecordingProvider.PREPARED.get(0).get(0))
                .as("the lead's worker jars")
                .containsExactly(temp.resolve("root-worker.jar"));
    }

    @Test
    void aReactorWithoutTestClassesAsksForNoImage() throws Exception {
        ReactorRequest reactor =
                new ReactorRequest(module("root", false, List.of()), List.of(module("docs", false, List.of())));

        Cloudist.image(reactor, listener);

        assertThat(ImageRecordingProvider.PREPARED).isEmpty();
        assertThat(lines).contains("cloudist: No test classes, so no worker image to build");
    }

    private Path classes(String name) {
        return temp.resolve(name).resolve("target/test-classes");
    }

    /** A module of the backend that records images, with a test class or none, on this classpath after its classes. */
    private RunRequest module(String name, boolean withTestClass, List<Path> jars) throws IOException {
        Path directory = temp.resolve(name);
        Path classes = Files.createDirectories(classes(name));
        if (withTestClass) {
            Path file = classes.resolve("com/acme/" + name + "/PriceTest.class");
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[] {(byte) 0xCA, 0x00});
        }
        List<Path> classpath = new ArrayList<>(List.of(classes));
        classpath.addAll(jars);
        CloudSettings cloud =
                new CloudSettings(ImageRecordingProvider.BACKEND, "", "", 1, 1, List.of(), 0, false, "", 0, 1, 17);
        return new RunRequest(
                new ProjectModule(
                        "com.acme:" + name,
                        directory,
                        directory.resolve("target/surefire-reports"),
                        directory.resolve("target/cloudist")),
                new TestJvmSpec(
                        Path.of(System.getProperty("java.home"), "bin", "java"),
                        "",
                        Map.of(),
                        Map.of(),
                        directory,
                        classpath),
                new TestSelection(List.of(classes), List.of(), List.of(), "", "", ""),
                Scheduling.forProcessors(8).workers(2).tasksPerWorker(2).build(),
                null,
                new Shipping(
                        temp.resolve("runner.jar"),
                        List.of(temp.resolve(name + "-worker.jar")),
                        List.of(),
                        new ProjectTree(directory, List.of(), List.of())),
                null,
                FailurePolicy.DEFAULT,
                cloud,
                null,
                Set.of());
    }
}
