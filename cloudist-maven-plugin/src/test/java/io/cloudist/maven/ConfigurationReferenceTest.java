package io.cloudist.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.CloudistProperties;
import io.cloudist.core.CloudistProperties.Parameter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/configuration.md lists exactly {@link CloudistProperties#ALL}, in order. */
class ConfigurationReferenceTest {
    static final Path REFERENCE = Path.of(System.getProperty("basedir", ".")).resolve("../docs/configuration.md");

    @Test
    void referenceTableListsEveryParameterOfCloudistPropertiesInOrder() throws IOException {
        List<String> documented = Files.readAllLines(REFERENCE).stream()
                .filter(line -> line.startsWith("| `") || line.startsWith("| —"))
                .toList();

        assertThat(documented)
                .containsExactlyElementsOf(CloudistProperties.ALL.stream()
                        .map(ConfigurationReferenceTest::row)
                        .toList());
    }

    static String row(Parameter p) {
        return "| " + cell(p.element() == null ? null : "<" + p.element() + ">")
                + " | " + cell(p.property() == null ? null : "-D" + p.property())
                + " | " + cell(p.defaultValue())
                + " | " + p.description() + " |";
    }

    private static String cell(String value) {
        return value == null || value.isEmpty() ? "—" : "`" + value + "`";
    }
}
