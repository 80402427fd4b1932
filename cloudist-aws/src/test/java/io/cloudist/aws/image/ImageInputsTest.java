package io.cloudist.aws.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image's name is the digest of what goes into it, and of nothing else. */
class ImageInputsTest {
    private static final String BASE = "public.ecr.aws/amazoncorretto/amazoncorretto:17";

    @TempDir
    Path dir;

    @Test
    void theOrderOfTheDependenciesDoesNotChangeTheTag() throws Exception {
        Path a = file("a.jar", "a");
        Path b = file("b.jar", "b");
        List<Path> worker = List.of(file("worker.jar", "w"));

        assertThat(ImageInputs.of(BASE, List.of("x86_64"), worker, List.of(a, b))
                        .tag())
                .isEqualTo(ImageInputs.of(BASE, List.of("x86_64"), worker, List.of(b, a))
                        .tag());
    }

    @Test
    void theBaseTheArchitecturesTheWorkerAndEachDependencyChangeTheTag() throws Exception {
        Path a = file("a.jar", "a");
        List<Path> worker = List.of(file("worker.jar", "w"));
        String tag = ImageInputs.of(BASE, List.of("x86_64"), worker, List.of(a)).tag();

        assertThat(tag).matches("[0-9a-f]{64}");
        assertThat(ImageInputs.of(BASE + "-al2023", List.of("x86_64"), worker, List.of(a))
                        .tag())
                .isNotEqualTo(tag);
        assertThat(ImageInputs.of(BASE, List.of("x86_64", "arm64"), worker, List.of(a))
                        .tag())
                .isNotEqualTo(tag);
        assertThat(ImageInputs.of(BASE, List.of("x86_64"), List.of(file("worker2.jar", "w2")), List.of(a))
                        .tag())
                .isNotEqualTo(tag);
        assertThat(ImageInputs.of(BASE, List.of("x86_64"), worker, List.of(file("a2.jar", "a2")))
                        .tag())
                .isNotEqualTo(tag);
    }

    @Test
    void classDirectoriesAreNoInputs() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("target/classes"));
        ImageInputs inputs = ImageInputs.of(BASE, List.of("arm64"), List.of(file("worker.jar", "w")), List.of(classes));

        assertThat(inputs.dependencyJars()).isEmpty();
        assertThat(inputs.platformArchitectures()).containsExactly("arm64");
    }

    @Test
    void refusesAnArchitectureEc2DoesNotRun() throws Exception {
        List<Path> worker = List.of(file("worker.jar", "w"));

        assertThatThrownBy(() -> ImageInputs.of(BASE, List.of("i386"), worker, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("i386");
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }
}
