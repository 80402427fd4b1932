package io.cloudist.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.CloudistProperties;
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
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The generated plugin descriptor of {@code cloudist:test} agrees with {@link CloudistProperties#ALL}. */
class PluginDescriptorTest {
    static final Path DESCRIPTOR =
            Path.of(System.getProperty("basedir", ".")).resolve("target/classes/META-INF/maven/plugin.xml");

    static Element mojo;

    @BeforeAll
    static void readDescriptor() throws Exception {
        Document document =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile());
        NodeList mojos = document.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element candidate = (Element) mojos.item(i);
            if (text(candidate, "goal").equals("test")) {
                mojo = candidate;
            }
        }
        assertThat(mojo).as("mojo 'test' in %s", DESCRIPTOR).isNotNull();
    }

    @Test
    void everyEditableParameterIsInCloudistProperties() {
        List<String> elements =
                CloudistProperties.ALL.stream().map(Parameter::element).toList();

        assertThat(editableParameters()).isNotEmpty().allSatisfy(name -> assertThat(elements)
                .contains(name));
    }

    @Test
    void declaredPropertiesAndDefaultsMatchCloudistProperties() {
        Map<String, Parameter> byElement = CloudistProperties.ALL.stream()
                .filter(p -> p.element() != null)
                .collect(Collectors.toMap(Parameter::element, Function.identity()));
        Element configuration =
                (Element) mojo.getElementsByTagName("configuration").item(0);
        List<String> checked = new ArrayList<>();
        for (String name : editableParameters()) {
            NodeList nodes = configuration.getElementsByTagName(name);
            if (nodes.getLength() == 0) {
                continue;
            }
            Element declared = (Element) nodes.item(0);
            Parameter parameter = byElement.get(name);
            if (!declared.getTextContent().isEmpty()) {
                assertThat(declared.getTextContent()).isEqualTo("${" + parameter.property() + "}");
            }
            if (declared.hasAttribute("default-value")) {
                assertThat(declared.getAttribute("default-value")).isEqualTo(parameter.defaultValue());
            }
            checked.add(name);
        }
        assertThat(checked).contains("workers", "granularity", "skip");
    }

    private static List<String> editableParameters() {
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
