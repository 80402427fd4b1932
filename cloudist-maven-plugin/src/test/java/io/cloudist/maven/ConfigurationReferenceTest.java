package io.cloudist.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.CloudistParameters;
import io.cloudist.core.CloudistProperties.Goal;
import io.cloudist.core.CloudistProperties.Parameter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/configuration.md lists exactly {@link CloudistParameters#ALL}, in order, with the goals of each. */
class ConfigurationReferenceTest {
    static final Path REFERENCE = Path.of(System.getProperty("basedir", ".")).resolve("../docs/configuration.md");

    @Test
    void referenceTableListsEveryParameterOfCloudistPropertiesInOrder() throws IOException {
        List<String> documented = Files.readAllLines(REFERENCE).stream()
                .filter(line -> line.startsWith("| `") || line.startsWith("| —"))
                .toList();

        assertThat(documented)
                .containsExactlyElementsOf(CloudistParameters.ALL.stream()
                        .map(ConfigurationReferenceTest::row)
                        .toList());
    }

    static String row(Parameter p) {
        return "| " + cell(p.element() == null ? null : "<" + p.element() + ">")
                + " | " + cell(p.property() == null ? null : "-D" + p.property())
                + " | " + cell(p.defaultValue())
                + " | " + goals(p)
                + " | " + p.description() + " |";
    }

    /**
     * The goals that take the parameter, as the reference names them: {@code test, setup, cleanup}. The twin {@code
     * test-no-fork} takes what {@code test} takes, which the reference says once.
     */
    private static String goals(Parameter p) {
        return Arrays.stream(Goal.values())
                .filter(goal -> goal.parameterGoal() == goal)
                .filter(p.goals()::contains)
                .map(Goal::goalName)
                .collect(Collectors.joining(", "));
    }

    private static String cell(String value) {
        return value == null || value.isEmpty() ? "—" : "`" + value + "`";
    }
}
