package io.cloudist.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudist.runner.fixtures.DisplayNamesFixture;
import io.cloudist.runner.fixtures.JUnit4Fixture;
import io.cloudist.runner.fixtures.OutcomesFixture;
import io.cloudist.runner.fixtures.ParameterizedFixture;
import io.cloudist.runner.fixtures.TaggedFixture;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoverModeTest {
    private static final List<String> NODE_FIELDS = List.of(
            "event",
            "uniqueId",
            "parentId",
            "displayName",
            "legacyName",
            "kind",
            "className",
            "methodName",
            "methodParameters");

    @TempDir
    Path dir;

    @Test
    void listsEveryNodeWithItsFieldsParentsFirst() throws Exception {
        List<JsonNode> lines =
                discover(0, "class " + OutcomesFixture.class.getName(), "class " + JUnit4Fixture.class.getName());

        List<JsonNode> nodes = lines.subList(0, lines.size() - 1);
        assertThat(lines.get(lines.size() - 1).toString()).isEqualTo("{\"event\":\"end\"}");
        Set<String> seen = new HashSet<>(Set.of(""));
        for (JsonNode node : nodes) {
            assertThat(fieldNames(node)).containsExactlyElementsOf(NODE_FIELDS);
            assertThat(seen)
                    .as("parent of %s listed before it", node)
                    .contains(node.get("parentId").asText());
            seen.add(node.get("uniqueId").asText());
        }
        assertThat(byDisplayName(nodes, "JUnit Jupiter").get("kind").asText()).isEqualTo("CONTAINER");
        JsonNode outcomes = byDisplayName(nodes, "OutcomesFixture");
        assertThat(outcomes.get("className").asText()).isEqualTo(OutcomesFixture.class.getName());
        assertThat(outcomes.get("methodName").asText()).isEmpty();
        JsonNode passes = byDisplayName(nodes, "passes()");
        assertThat(passes.get("kind").asText()).isEqualTo("TEST");
        assertThat(passes.get("legacyName").asText()).isEqualTo("passes()");
        assertThat(passes.get("methodName").asText()).isEqualTo("passes");
        assertThat(passes.get("parentId").asText())
                .isEqualTo(outcomes.get("uniqueId").asText());
        assertThat(byDisplayName(nodes, "takesParameters(TestInfo)")
                        .get("methodParameters")
                        .asText())
                .isEqualTo("org.junit.jupiter.api.TestInfo");
        assertThat(byDisplayName(nodes, "passesToo()").get("className").asText())
                .isEqualTo(OutcomesFixture.class.getName() + "$Inner");
        assertThat(byDisplayName(nodes, "fails").get("className").asText()).isEqualTo(JUnit4Fixture.class.getName());
    }

    @Test
    void marksTheClassesWhoseDisplayNameTheirOwnAnnotationGives() throws Exception {
        List<JsonNode> nodes = discover(0, "class " + DisplayNamesFixture.class.getName());

        JsonNode given = byDisplayName(nodes, "given by hand");
        assertThat(fieldNames(given)).endsWith("displayNameAnnotated");
        assertThat(given.get("displayNameAnnotated").asBoolean()).isTrue();
        assertThat(byDisplayName(nodes, "DisplayNamesFixture").has("displayNameAnnotated"))
                .isFalse();
        assertThat(byDisplayName(nodes, "Generated nested").has("displayNameAnnotated"))
                .as("a display name a generator made")
                .isFalse();
        assertThat(byDisplayName(nodes, "runs too").has("displayNameAnnotated"))
                .as("a method")
                .isFalse();
    }

    @Test
    void listsParameterizedAndFactoryMethodsAsContainers() throws Exception {
        List<JsonNode> nodes = discover(0, "class " + ParameterizedFixture.class.getName());

        JsonNode echoes = byDisplayName(nodes, "echoes(String)");
        assertThat(echoes.get("kind").asText()).isEqualTo("CONTAINER");
        assertThat(echoes.get("methodParameters").asText()).isEqualTo("java.lang.String");
        assertThat(byDisplayName(nodes, "dynamics()").get("kind").asText()).isEqualTo("CONTAINER");
    }

    @Test
    void appliesTagFilters() throws Exception {
        String tagged = "class " + TaggedFixture.class.getName();

        assertThat(testMethods(discover(0, tagged, "includeTags fast"))).containsExactlyInAnyOrder("quick", "lengthy");
        assertThat(testMethods(discover(0, tagged, "includeTags fast", "excludeTags slow")))
                .containsExactly("quick");
        assertThat(testMethods(discover(0, tagged, "includeTags fast & !slow"))).containsExactly("quick");
        assertThat(testMethods(discover(0, tagged, "includeTags nightly", "includeTags slow")))
                .containsExactly("lengthy");
        assertThat(testMethods(discover(0, tagged, "includeTags nightly"))).isEmpty();
    }

    @Test
    void selectsByUniqueId() throws Exception {
        String quick = byDisplayName(discover(0, "class " + TaggedFixture.class.getName()), "quick()")
                .get("uniqueId")
                .asText();

        assertThat(testMethods(discover(0, "uniqueId " + quick))).containsExactly("quick");
    }

    @Test
    void reportsABadRequestAsAnErrorAndExitsWithOne() throws Exception {
        List<JsonNode> lines = discover(1, "class " + TaggedFixture.class.getName(), "includeTags");

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("event").asText()).isEqualTo("error");
        assertThat(lines.get(0).get("message").asText()).contains("line 2", "'includeTags' needs a value");
        assertThat(lines.get(0).get("stackTrace").asText()).contains("RequestFile.read");
        assertThat(lines.get(1).get("event").asText()).isEqualTo("end");
    }

    @Test
    void reportsTheEnginesCriticalIssueForAClassThatDoesNotLoad() throws Exception {
        List<JsonNode> lines = discover(1, "class com.example.DoesNotExist");

        assertThat(lines).extracting(l -> l.get("event").asText()).containsExactly("error", "end");
        assertThat(lines.get(0).get("message").asText()).contains("com.example.DoesNotExist");
    }

    private List<JsonNode> discover(int expectedExitCode, String... requestLines) throws Exception {
        Path output = dir.resolve("discovered.jsonl");
        RunnerJvm.Exit exit = RunnerJvm.run(
                dir, "", "discover", RunnerJvm.request(dir, requestLines).toString(), output.toString());
        assertThat(exit.code()).as(exit.stderr()).isEqualTo(expectedExitCode);
        return RunnerJvm.readLines(output);
    }

    private static JsonNode byDisplayName(List<JsonNode> nodes, String displayName) {
        return nodes.stream()
                .filter(n -> n.path("displayName").asText().equals(displayName))
                .collect(Collectors.collectingAndThen(Collectors.toList(), found -> {
                    assertThat(found).as("nodes named %s", displayName).hasSize(1);
                    return found.get(0);
                }));
    }

    private static List<String> testMethods(List<JsonNode> nodes) {
        return nodes.stream()
                .filter(n -> n.path("kind").asText().equals("TEST"))
                .map(n -> n.get("methodName").asText())
                .collect(Collectors.toList());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
