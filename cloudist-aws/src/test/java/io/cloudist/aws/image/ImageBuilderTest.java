package io.cloudist.aws.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.RunListener;
import io.cloudist.core.report.ConsoleLine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Worker images built with Jib and pushed to a real registry on loopback: what a rebuild of the same inputs, a changed
 * test class and a changed dependency push, read back from the registry's manifests and stored blobs.
 */
class ImageBuilderTest {
    @TempDir
    static Path shared;

    private static LocalRegistry registry;
    private static String base;

    @TempDir
    Path dir;

    private final List<String> lines = new ArrayList<>();
    private final RunListener listener = new RunListener() {
        @Override
        public void line(ConsoleLine line) {
            lines.add(line.text());
        }
    };

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = LocalRegistry.start(Files.createDirectories(shared.resolve("registry")));
        base = JdkBaseImage.small(registry.repository("base"), shared.resolve("jib"), "small");
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void theSameInputsBuildTheSameImageAndTheSecondTimePushNothing() throws Exception {
        ImageInputs inputs = inputs(List.of(jar("lib-a.jar", "a", "1"), jar("lib-b.jar", "b", "1")));
        ImageTarget first = registry.repository("same-one");
        ImageTarget second = registry.repository("same-two");

        BuiltImage one = builder("one").ensure(inputs, first, new RegistryLookup(first), null);
        BuiltImage two = builder("two").ensure(inputs, second, new RegistryLookup(second), null);
        Set<String> stored = registry.blobs();
        BuiltImage again = builder("three").ensure(inputs, first, new RegistryLookup(first), null);

        assertThat(one.built()).isTrue();
        assertThat(two.built()).isTrue();
        assertThat(two.digest()).isEqualTo(one.digest());
        assertThat(registry.layers("same-two", inputs.tag())).isEqualTo(registry.layers("same-one", inputs.tag()));
        assertThat(again.built()).isFalse();
        assertThat(again.digest()).isEqualTo(one.digest());
        assertThat(again.blobsPushed()).isZero();
        assertThat(registry.blobs()).isEqualTo(stored);
        assertThat(lines).anyMatch(l -> l.contains("found") && l.contains("pushed nothing"));
    }

    @Test
    void aChangedTestClassNamesTheSameImageAndPushesNothing() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("target/test-classes/org/example"));
        Files.writeString(classes.resolve("CalculatorTest.class"), "version 1");
        List<Path> classpath =
                List.of(dir.resolve("target/test-classes"), dir.resolve("target/classes"), jar("lib-a.jar", "a", "1"));
        ImageTarget target = registry.repository("classes");
        ImageInputs before = ImageInputs.of(base, List.of("x86_64"), workerJars(), classpath);
        builder("before").ensure(before, target, new RegistryLookup(target), null);
        Set<String> stored = registry.blobs();

        Files.writeString(classes.resolve("CalculatorTest.class"), "version 2");
        ImageInputs after = ImageInputs.of(base, List.of("x86_64"), workerJars(), classpath);
        BuiltImage image = builder("after").ensure(after, target, new RegistryLookup(target), null);

        assertThat(after.tag()).isEqualTo(before.tag());
        assertThat(after.dependencyJars()).hasSize(1);
        assertThat(image.built()).isFalse();
        assertThat(registry.blobs()).isEqualTo(stored);
    }

    @Test
    void aChangedDependencyPushesExactlyOneLayer() throws Exception {
        ImageTarget target = registry.repository("dependency");
        Path junit = jar("junit.jar", "junit", "1");
        ImageInputs before = inputs(List.of(junit, jar("lib-a.jar", "a", "1")));
        builder("before").ensure(before, target, new RegistryLookup(target), null);
        List<String> layersBefore = registry.layers("dependency", before.tag());
        Set<String> stored = registry.blobs();

        ImageInputs after = inputs(List.of(junit, jar("lib-a.jar", "a", "2")));
        BuiltImage image = builder("after").ensure(after, target, new RegistryLookup(target), null);
        List<String> layersAfter = registry.layers("dependency", after.tag());
        Set<String> added = new HashSet<>(registry.blobs());
        added.removeAll(stored);

        assertThat(after.tag()).isNotEqualTo(before.tag());
        assertThat(layersAfter).hasSameSizeAs(layersBefore);
        assertThat(layersAfter.subList(0, layersAfter.size() - 1))
                .isEqualTo(layersBefore.subList(0, layersBefore.size() - 1));
        String newLayer = layersAfter.get(layersAfter.size() - 1);
        String config = registry.manifest("dependency", after.tag())
                .path("config")
                .path("digest")
                .asText();
        // The registry stores manifests as blobs too: the new layer, the new configuration and the new manifest.
        assertThat(added).containsExactlyInAnyOrder(newLayer, config, image.digest());
        assertThat(image.blobsPushed()).isEqualTo(2);
        assertThat(image.bytesPushed())
                .isEqualTo(registry.blob("dependency", newLayer).length + registry.blob("dependency", config).length);
    }

    @Test
    void theImageHoldsTheWorkerJarsAndTheDependenciesWhereTheAgentsCacheLooksAndStartsTheAgent() throws Exception {
        ImageTarget target = registry.repository("layout");
        Path dependency = jar("lib-a.jar", "a", "1");
        ImageInputs inputs = inputs(List.of(dependency));

        builder("layout").ensure(inputs, target, new RegistryLookup(target), null);
        List<String> layers = registry.layers("layout", inputs.tag());
        String config = registry.manifest("layout", inputs.tag())
                .path("config")
                .path("digest")
                .asText();
        var configuration = new com.fasterxml.jackson.databind.ObjectMapper().readTree(registry.blob("layout", config));

        assertThat(layers).hasSize(3);
        assertThat(TarEntries.names(registry.blob("layout", layers.get(1))))
                .contains(ImageLayout.WORKER + "/" + inputs.workerJars().get(0).sha256() + ".jar");
        assertThat(TarEntries.names(registry.blob("layout", layers.get(2))))
                .contains(ImageLayout.CACHE + "/" + ImageInputs.sha256(dependency) + "/lib-a.jar");
        assertThat(configuration.at("/config/Entrypoint").toString())
                .contains("\"java\"", ImageLayout.MAIN, ImageLayout.WORKER + "/");
        assertThat(configuration.path("created").asText()).startsWith("1970-01-01T00:00:00");
        assertThat(configuration.path("architecture").asText()).isEqualTo("amd64");
    }

    private ImageBuilder builder(String cache) {
        return new ImageBuilder(dir.resolve("jib-" + cache), listener, Clock.systemUTC());
    }

    private ImageInputs inputs(List<Path> dependencies) throws IOException {
        return ImageInputs.of(base, List.of("x86_64"), workerJars(), dependencies);
    }

    private List<Path> workerJars() throws IOException {
        return List.of(jar("cloudist-worker.jar", "io/cloudist/worker/WorkerMain", "worker"));
    }

    /** A jar of one entry: the same name and content make the same bytes. */
    private Path jar(String name, String entry, String content) throws IOException {
        Path directory = Files.createDirectories(dir.resolve("jars").resolve(entry.replace('/', '_') + "-" + content));
        Path file = directory.resolve(name);
        if (Files.exists(file)) {
            return file;
        }
        try (OutputStream out = Files.newOutputStream(file);
                JarOutputStream jar = new JarOutputStream(out)) {
            JarEntry jarEntry = new JarEntry(entry + ".class");
            jarEntry.setTime(0);
            jar.putNextEntry(jarEntry);
            jar.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return file;
    }
}
