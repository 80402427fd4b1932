package io.cloudist.maven;

import io.cloudist.core.CloudistParameters;
import io.cloudist.core.CloudistProperties.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Finds a parameter name that cloudist does not know: a {@code -Dcloudist.*} user property, or an element of cloudist's
 * {@code <configuration>} (plugin level or the execution's). Maven 3.8 drops an unknown element without a word, and
 * either typo would leave the run on a default; the message names the nearest valid name, or lists them all.
 */
final class UnknownParameters {
    static final String NAMESPACE = "cloudist.";

    /** {@code cloudist.*} properties that are not parameters: read by cloudist's own processes, or its tests. */
    static final Set<String> INTERNAL_PROPERTIES =
            Set.of("cloudist.worker.leaseTimeoutMillis", "cloudist.registryEndpoint");

    static final List<String> INTERNAL_PREFIXES = List.of("cloudist.its.");

    private UnknownParameters() {}

    /**
     * The message for the first unknown name, if any.
     *
     * @param userProperties the names of the build's user properties; only {@code cloudist.*} ones are checked
     * @param elements the elements of cloudist's configuration, plugin level and the execution's
     * @param validElements the elements the plugin's goals take
     */
    static Optional<String> check(
            Collection<String> userProperties, Collection<String> elements, Collection<String> validElements) {
        List<String> properties = CloudistParameters.ALL.stream()
                .map(Parameter::property)
                .filter(p -> p != null && p.startsWith(NAMESPACE))
                .map(p -> p.substring(NAMESPACE.length()))
                .distinct()
                .toList();
        for (String property : userProperties.stream().sorted().toList()) {
            if (property.startsWith(NAMESPACE) && !isKnownProperty(property)) {
                Optional<String> near = nearest(property.substring(NAMESPACE.length()), properties);
                return Optional.of(
                        near.isPresent()
                                ? "Unknown parameter -D" + property + ": did you mean -D" + NAMESPACE + near.get() + "?"
                                : "Unknown parameter -D" + property + ": cloudist takes "
                                        + list(properties, "-D" + NAMESPACE, "") + "; remove it or use one of these.");
            }
        }
        List<String> valid = List.copyOf(new LinkedHashSet<>(validElements));
        for (String element : elements) {
            if (!valid.contains(element)) {
                Optional<String> near = nearest(element, valid);
                return Optional.of(
                        near.isPresent()
                                ? "Unknown element <" + element
                                        + "> in the configuration of cloudist-maven-plugin: did you" + " mean <"
                                        + near.get() + ">?"
                                : "Unknown element <" + element
                                        + "> in the configuration of cloudist-maven-plugin: it takes "
                                        + list(valid, "<", ">") + "; remove it or use one of these.");
            }
        }
        return Optional.empty();
    }

    /** Whether {@code property} is a parameter of cloudist's, or one of its internal properties. */
    static boolean isKnownProperty(String property) {
        return INTERNAL_PROPERTIES.contains(property)
                || INTERNAL_PREFIXES.stream().anyMatch(property::startsWith)
                || CloudistParameters.ALL.stream().anyMatch(p -> property.equals(p.property()));
    }

    /** The check, on what Maven knows of this build. */
    static Optional<String> check(MavenProject project, MojoExecution execution, Collection<String> userProperties) {
        List<String> elements = new ArrayList<>();
        Plugin plugin = project.getPlugin(execution.getPlugin().getKey());
        if (plugin != null) {
            elements.addAll(names(plugin.getConfiguration()));
            PluginExecution configured = plugin.getExecutionsAsMap().get(execution.getExecutionId());
            if (configured != null) {
                elements.addAll(names(configured.getConfiguration()));
            }
        }
        List<String> valid = execution.getMojoDescriptor().getPluginDescriptor().getMojos().stream()
                .map(MojoDescriptor::getParameters)
                .filter(Objects::nonNull)
                .flatMap(List::stream)
                .filter(org.apache.maven.plugin.descriptor.Parameter::isEditable)
                .map(org.apache.maven.plugin.descriptor.Parameter::getName)
                .toList();
        return check(userProperties, elements, valid);
    }

    private static List<String> names(Object configuration) {
        if (!(configuration instanceof Xpp3Dom dom)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (Xpp3Dom child : dom.getChildren()) {
            names.add(child.getName());
        }
        return names;
    }

    /** The candidate nearest to {@code name} by edit distance, when it is near enough to be a typo of it. */
    static Optional<String> nearest(String name, List<String> candidates) {
        String typed = name.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, typed.length() / 4);
        return candidates.stream()
                .filter(c -> distance(typed, c.toLowerCase(Locale.ROOT)) <= allowed)
                .min(Comparator.comparingInt(c -> distance(typed, c.toLowerCase(Locale.ROOT))));
    }

    /** Levenshtein distance: the fewest insertions, deletions and substitutions that turn {@code a} into {@code b}. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String list(List<String> names, String before, String after) {
        return names.stream().map(n -> before + n + after).collect(Collectors.joining(", "));
    }
}
