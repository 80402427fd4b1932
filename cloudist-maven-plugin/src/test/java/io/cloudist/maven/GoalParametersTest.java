package io.cloudist.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.CloudistParameters;
import io.cloudist.core.CloudistProperties.Goal;
import io.cloudist.core.CloudistProperties.Parameter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.codehaus.plexus.classworlds.ClassWorld;
import org.codehaus.plexus.component.configurator.BasicComponentConfigurator;
import org.codehaus.plexus.component.configurator.expression.DefaultExpressionEvaluator;
import org.codehaus.plexus.configuration.xml.XmlPlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every parameter of every goal in the generated plugin descriptor is a constant of {@link CloudistParameters}, and a
 * value set for it in the POM, injected as Maven injects it, is what the mapping reads through that constant: no
 * parameter of a goal can be left out of what the goal passes on.
 */
class GoalParametersTest {
    static PluginDescriptor plugin;

    @TempDir
    static Path directory;

    @BeforeAll
    static void readDescriptor() throws Exception {
        try (Reader reader = Files.newBufferedReader(PluginDescriptorTest.DESCRIPTOR)) {
            plugin = new PluginDescriptorBuilder().build(reader);
        }
    }

    @ParameterizedTest
    @EnumSource(Goal.class)
    void everyParameterSetInThePomReachesTheMappingThroughItsConstant(Goal goal) throws Exception {
        MojoDescriptor mojo = plugin.getMojo(goal.goalName());
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Map<Parameter, org.apache.maven.plugin.descriptor.Parameter> set = new LinkedHashMap<>();
        for (org.apache.maven.plugin.descriptor.Parameter declared : mojo.getParameters()) {
            if (declared.isEditable()) {
                Parameter constant = constant(declared.getName());
                assertThat(constant.goals()).as(declared.getName()).contains(goal.parameterGoal());
                configuration.addChild(element(declared));
                set.put(constant, declared);
            }
        }
        Object goalInstance =
                Class.forName(mojo.getImplementation()).getDeclaredConstructor().newInstance();

        new BasicComponentConfigurator()
                .configureComponent(
                        goalInstance,
                        new XmlPlexusConfiguration(configuration),
                        new DefaultExpressionEvaluator(),
                        new ClassWorld("test", getClass().getClassLoader()).getRealm("test"));
        ParameterSources sources =
                new ParameterSources(Map.of(), ConfiguredValues.of(goalInstance, mojo), Map.of(), Map.of());

        assertThat(set).isNotEmpty();
        set.forEach((constant, declared) -> {
            String name = declared.getName();
            switch (declared.getType()) {
                case "java.util.List" ->
                    assertThat(sources.list(constant)).as(name).containsExactly(value(name));
                case "java.util.Map" ->
                    assertThat(sources.map(constant)).as(name).containsExactly(Map.entry("key", value(name)));
                case "java.io.File" ->
                    assertThat(sources.string(constant)).as(name).isEqualTo(file(name));
                default -> assertThat(sources.string(constant)).as(name).isEqualTo(value(name));
            }
        });
    }

    private static Parameter constant(String element) {
        List<Parameter> matching = CloudistParameters.ALL.stream()
                .filter(p -> element.equals(p.element()))
                .toList();
        assertThat(matching).as("the constant of <" + element + ">").hasSize(1);
        return matching.get(0);
    }

    /** The parameter's element with a value of its type: a string, a file, a list of one item, a map of one entry. */
    private static Xpp3Dom element(org.apache.maven.plugin.descriptor.Parameter declared) {
        String name = declared.getName();
        Xpp3Dom element = new Xpp3Dom(name);
        switch (declared.getType()) {
            case "java.util.List" -> element.addChild(child("item", value(name)));
            case "java.util.Map" -> element.addChild(child("key", value(name)));
            case "java.io.File" -> element.setValue(file(name));
            default -> element.setValue(value(name));
        }
        return element;
    }

    private static Xpp3Dom child(String name, String value) {
        Xpp3Dom child = new Xpp3Dom(name);
        child.setValue(value);
        return child;
    }

    private static String value(String name) {
        return "set-" + name;
    }

    private static String file(String name) {
        return directory.resolve(name).toAbsolutePath().toString();
    }
}
