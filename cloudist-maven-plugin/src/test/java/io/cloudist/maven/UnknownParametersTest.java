package io.cloudist.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.CloudistParameters;
import io.cloudist.core.CloudistProperties.Parameter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnknownParametersTest {
    private static final List<String> ELEMENTS = CloudistParameters.ALL.stream()
            .map(Parameter::element)
            .filter(Objects::nonNull)
            .toList();
    private static final Pattern CLOUDIST_PROPERTY = Pattern.compile("\"(cloudist\\.[a-z][\\w.]*)\"");

    @ParameterizedTest(name = "-D{0}")
    @CsvSource({
        "cloudist.worker, cloudist.workers",
        "cloudist.Workers, cloudist.workers",
        "cloudist.granularty, cloudist.granularity",
        "cloudist.storeOutageSecond, cloudist.storeOutageSeconds",
        "cloudist.maxWorkerRestart, cloudist.maxWorkerRestarts"
    })
    void aMisspeltPropertyGetsTheNearestOne(String typed, String meant) {
        assertThat(UnknownParameters.check(List.of("java.version", typed), List.of(), ELEMENTS))
                .contains("Unknown parameter -D" + typed + ": did you mean -D" + meant + "?");
    }

    @Test
    void aPropertyNothingIsNearListsEveryProperty() {
        String message = UnknownParameters.check(List.of("cloudist.turbo"), List.of(), ELEMENTS)
                .orElseThrow();

        assertThat(message)
                .startsWith(
                        "Unknown parameter -Dcloudist.turbo: cloudist takes -Dcloudist.workers, -Dcloudist.granularity,")
                .contains("-Dcloudist.deleteRunData")
                .endsWith("; remove it or use one of these.")
                .doesNotContain("-DskipTests");
    }

    @Test
    void aMisspeltElementGetsTheNearestOne() {
        assertThat(UnknownParameters.check(List.of(), List.of("workers", "worker"), ELEMENTS))
                .contains("Unknown element <worker> in the configuration of cloudist-maven-plugin: did you mean"
                        + " <workers>?");
        assertThat(UnknownParameters.check(List.of(), List.of("systemPropertyVariable"), ELEMENTS))
                .contains("Unknown element <systemPropertyVariable> in the configuration of cloudist-maven-plugin:"
                        + " did you mean <systemPropertyVariables>?");
    }

    @Test
    void anElementNothingIsNearListsEveryElement() {
        String message = UnknownParameters.check(List.of(), List.of("parallel"), List.of("workers", "granularity"))
                .orElseThrow();

        assertThat(message)
                .isEqualTo("Unknown element <parallel> in the configuration of cloudist-maven-plugin: it takes"
                        + " <workers>, <granularity>; remove it or use one of these.");
    }

    @Test
    void knownNamesAndOtherPropertiesPass() {
        List<String> properties = Stream.concat(
                        CloudistParameters.ALL.stream().map(Parameter::property).filter(Objects::nonNull),
                        Stream.of("argLine", "cloudistic", "cloudist", "maven.repo.local", "cloudist.its.goal"))
                .toList();

        assertThat(UnknownParameters.check(properties, ELEMENTS, ELEMENTS)).isEmpty();
    }

    @Test
    void everyCloudistPropertyThatCloudistsOwnCodeReadsIsKnown() {
        Set<String> read = cloudistPropertiesInMainSources();

        assertThat(read).contains("cloudist.workers", "cloudist.worker.leaseTimeoutMillis");
        assertThat(read).allMatch(UnknownParameters::isKnownProperty, "known to UnknownParameters");
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(UnknownParameters.distance("worker", "workers")).isEqualTo(1);
        assertThat(UnknownParameters.distance("wokrers", "workers")).isEqualTo(2);
        assertThat(UnknownParameters.distance("", "abc")).isEqualTo(3);
        assertThat(UnknownParameters.distance("skip", "skip")).isZero();
    }

    /** Every {@code "cloudist.x"} literal in the main sources of cloudist's modules (not class names, such as failure types). */
    private static Set<String> cloudistPropertiesInMainSources() {
        Path root = TroubleshootingGuideTest.ROOT;
        Set<String> found = new TreeSet<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path main : modules.filter(m -> m.getFileName().toString().startsWith("cloudist-"))
                    .map(m -> m.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    for (Path file :
                            files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        Matcher m = CLOUDIST_PROPERTY.matcher(Files.readString(file));
                        while (m.find()) {
                            found.add(m.group(1));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
