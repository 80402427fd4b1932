package io.cloudist.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.CloudistParameters;
import io.cloudist.core.CloudistProperties.Goal;
import io.cloudist.core.CloudistProperties.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The generated plugin descriptor agrees, goal by goal, with {@link CloudistParameters#ALL}. */
class PluginDescriptorTest {
    static final Path DESCRIPTOR =
            Path.of(System.getProperty("basedir", ".")).resolve("target/classes/META-INF/maven/plugin.xml");

    static Document descriptor;

    @BeforeAll
    static void readDescriptor() throws Exception {
        descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile());
    }

    @ParameterizedTest
    @EnumSource(Goal.class)
    void editableParametersAreExactlyThoseCloudistPropertiesListsForTheGoal(Goal goal) {
        List<String> listed = CloudistParameters.ALL.stream()
                .filter(p -> p.goals().contains(goal.parameterGoal()) && p.element() != null)
                .map(Parameter::element)
                .toList();

        assertThat(editableParameters(mojo(goal))).isNotEmpty().containsExactlyInAnyOrderElementsOf(listed);
    }

    @ParameterizedTest
    @EnumSource(Goal.class)
    void declaredPropertiesAndDefaultsMatchCloudistProperties(Goal goal) {
        Map<String, Parameter> byElement = CloudistParameters.ALL.stream()
                .filter(p -> p.element() != null)
                .collect(Collectors.toMap(Parameter::element, Function.identity()));
        Element mojo = mojo(goal);
        Element configuration =
                (Element) mojo.getElementsByTagName("configuration").item(0);
        List<String> checked = new ArrayList<>();
        for (String name : editableParameters(mojo)) {
            NodeList nodes = configuration.getElementsByTagName(name);
            if (nodes.getLength() == 0) {
                continue;
            }
            Element declared = (Element) nodes.item(0);
            Parameter parameter = byElement.get(name);
            if (!declared.getTextContent().isEmpty()) {
                assertThat(declared.getTextContent()).as(name).isEqualTo("${" + parameter.property() + "}");
            }
            if (declared.hasAttribute("default-value")) {
                assertThat(declared.getAttribute("default-value")).as(name).isEqualTo(parameter.defaultValue());
            }
            checked.add(name);
        }
        assertThat(checked).contains("backend", "store", "region", "profile");
    }

    @ParameterizedTest
    @EnumSource(
            value = Goal.class,
            names = {"SETUP", "CLEANUP"})
    void setupAndCleanupRunWithoutAProjectAndAreThreadSafe(Goal goal) {
        Element mojo = mojo(goal);

        assertThat(text(mojo, "requiresProject")).isEqualTo("false");
        assertThat(text(mojo, "threadSafe")).isEqualTo("true");
    }

    @Test
    void testForksTheLifecycleUpToTestCompileAndItsTwinTestNoForkDoesNot() {
        Element test = mojo(Goal.TEST);
        Element testNoFork = mojo(Goal.TEST_NO_FORK);

        assertThat(text(test, "executePhase")).isEqualTo("test-compile");
        assertThat(testNoFork.getElementsByTagName("executePhase").getLength()).isZero();
        for (Element mojo : List.of(test, testNoFork)) {
            assertThat(text(mojo, "phase")).isEqualTo("test");
            assertThat(text(mojo, "requiresDependencyResolution")).isEqualTo("test");
            assertThat(text(mojo, "threadSafe")).isEqualTo("true");
        }
    }

    private static Element mojo(Goal goal) {
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element candidate = (Element) mojos.item(i);
            if (text(candidate, "goal").equals(goal.goalName())) {
                return candidate;
            }
        }
        throw new AssertionError("no mojo '" + goal.goalName() + "' in " + DESCRIPTOR);
    }

    private static List<String> editableParameters(Element mojo) {
        Element parameters = (Element) mojo.getElementsByTagName("parameters").item(0);
        NodeList list = parameters.getElementsByTagName("parameter");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            Element parameter = (Element) list.item(i);
            if (text(parameter, "editable").equals("true")) {
                names.add(text(parameter, "name"));
            }
        }
        return names;
    }

    private static String text(Element parent, String child) {
        return parent.getElementsByTagName(child).item(0).getTextContent().trim();
    }
}
