package io.cloudist.maven;

import io.cloudist.core.CloudistParameters;
import io.cloudist.core.ConfigurationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Reads the module's effective maven-surefire-plugin configuration (plugin level merged with the
 * {@code default-test} execution), with {@code ${...}} evaluated, into the values cloudist understands. Surefire's own
 * {@code <skip>} is not one of them: it turns Surefire off, as a POM does where cloudist replaces it.
 */
final class SurefireConfiguration {
    static final String PLUGIN_KEY = "org.apache.maven.plugins:maven-surefire-plugin";
    static final String EXECUTION_ID = "default-test";

    /** Surefire's own {@code <skip>}: it turns Surefire off, and is not read (cloudist's {@code <skip>} is its own). */
    private static final String SKIP = "skip";
    /** Surefire's placeholder for the fork's number. */
    static final String FORK_NUMBER = io.cloudist.core.jvm.TestJvmSpec.FORK_NUMBER;

    private static final String FORK_NUMBER_HELD = "\u0000surefire.forkNumber\u0000";

    private static final Set<String> MAPS =
            Set.of("systemPropertyVariables", "systemProperties", "environmentVariables", "properties");

    private SurefireConfiguration() {}

    /** The values set in {@code project}'s Surefire configuration; empty when the plugin is not configured. */
    static Map<String, Object> of(MavenProject project, MavenSession session, MojoExecution execution) {
        Plugin plugin = project.getBuild().getPluginsAsMap().get(PLUGIN_KEY);
        if (plugin == null) {
            return Map.of();
        }
        PluginExecution defaultTest = plugin.getExecutionsAsMap().get(EXECUTION_ID);
        Xpp3Dom pluginConfiguration = (Xpp3Dom) plugin.getConfiguration();
        Xpp3Dom executionConfiguration = defaultTest == null ? null : (Xpp3Dom) defaultTest.getConfiguration();
        PluginParameterExpressionEvaluator evaluator = new PluginParameterExpressionEvaluator(session, execution);
        return read(merge(executionConfiguration, pluginConfiguration), expression -> evaluate(evaluator, expression));
    }

    /**
     * Evaluates {@code ${...}} but Surefire's {@code ${surefire.forkNumber}}, which stays for each worker to fill in
     * with its number, as Surefire fills it in per fork.
     */
    static UnaryOperator<String> keepingForkNumber(UnaryOperator<String> evaluator) {
        return value -> {
            if (value == null || !value.contains(FORK_NUMBER)) {
                return evaluator.apply(value);
            }
            String evaluated = evaluator.apply(value.replace(FORK_NUMBER, FORK_NUMBER_HELD));
            return evaluated == null ? null : evaluated.replace(FORK_NUMBER_HELD, FORK_NUMBER);
        };
    }

    /** {@code execution} dominant over {@code plugin}; either may be null. */
    static Xpp3Dom merge(Xpp3Dom execution, Xpp3Dom plugin) {
        if (execution == null) {
            return plugin;
        }
        return Xpp3Dom.mergeXpp3Dom(new Xpp3Dom(execution), plugin == null ? null : new Xpp3Dom(plugin));
    }

    /**
     * Every element that is set, but {@code <skip>}: maps ({@code systemPropertyVariables} with the legacy
     * {@code systemProperties} beneath it, {@code environmentVariables}, {@code properties}), lists (an element with
     * children: {@code includes}, {@code dependenciesToScan}...) and strings. Unresolvable values are left out.
     *
     * @param evaluator evaluates {@code ${...}}; returns null for an unresolvable value; may throw
     *     {@link IllegalArgumentException} for a malformed one
     */
    static Map<String, Object> read(Xpp3Dom configuration, UnaryOperator<String> rawEvaluator) {
        UnaryOperator<String> evaluator = keepingForkNumber(rawEvaluator);
        Map<String, Object> values = new LinkedHashMap<>();
        if (configuration == null) {
            return values;
        }
        Map<String, String> systemProperties = new LinkedHashMap<>();
        for (Xpp3Dom child : configuration.getChildren()) {
            String name = child.getName();
            try {
                if (name.equals(SKIP)) {
                    continue;
                } else if (name.equals("systemProperties")) {
                    systemProperties.putAll(map(child, evaluator));
                } else if (MAPS.contains(name)) {
                    values.put(name, map(child, evaluator));
                } else if (child.getChildCount() > 0) {
                    values.put(name, list(child, evaluator));
                } else {
                    String value = child.getValue() == null ? null : evaluator.apply(child.getValue());
                    if (value != null) {
                        values.put(name, value);
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(
                        name,
                        child.getValue() == null ? "" : child.getValue(),
                        "fix <" + name + "> in the maven-surefire-plugin configuration, or set "
                                + CloudistParameters.USE_SUREFIRE_CONFIG.property() + "=false (" + e.getMessage()
                                + ")");
            }
        }
        if (!systemProperties.isEmpty()) {
            @SuppressWarnings("unchecked")
            Map<String, String> variables =
                    (Map<String, String>) values.getOrDefault("systemPropertyVariables", Map.of());
            systemProperties.putAll(variables);
            values.put("systemPropertyVariables", systemProperties);
        }
        return values;
    }

    private static List<String> list(Xpp3Dom element, UnaryOperator<String> evaluator) {
        Stream<String> raw = element.getChildCount() > 0
                ? Stream.of(element.getChildren()).map(Xpp3Dom::getValue)
                : Stream.of(element.getValue() == null ? "" : element.getValue())
                        .flatMap(v -> Stream.of(v.split(",")));
        return raw.filter(v -> v != null && !v.isBlank())
                .map(evaluator)
                .filter(v -> v != null && !v.isBlank())
                .map(String::trim)
                .toList();
    }

    private static Map<String, String> map(Xpp3Dom element, UnaryOperator<String> evaluator) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Xpp3Dom entry : element.getChildren()) {
            boolean legacy = entry.getName().equals("property") && entry.getChild("name") != null;
            String key = legacy ? entry.getChild("name").getValue() : entry.getName();
            Xpp3Dom valueNode = legacy ? entry.getChild("value") : entry;
            String value =
                    valueNode == null || valueNode.getValue() == null ? "" : evaluator.apply(valueNode.getValue());
            map.put(key, value == null ? "" : value);
        }
        return map;
    }

    private static String evaluate(PluginParameterExpressionEvaluator evaluator, String expression) {
        try {
            Object value = expression == null ? null : evaluator.evaluate(expression);
            return value == null ? null : value.toString();
        } catch (ExpressionEvaluationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
