package io.cloudist.maven;

import io.cloudist.core.CloudistException;
import io.cloudist.core.CloudistProperties;
import io.cloudist.core.CloudistProperties.Parameter;
import io.cloudist.core.ConfigurationException;
import org.apache.maven.plugin.MojoExecutionException;

/** The one place that turns cloudist's exceptions into Maven errors that say what to change. */
final class ErrorMessages {
    private ErrorMessages() {}

    /**
     * A configuration error names the POM element, the {@code -D} property and the fix, and carries no cause (Maven
     * would repeat the cause's message); others keep their message and cause.
     */
    static MojoExecutionException toMojoException(CloudistException e) {
        return e instanceof ConfigurationException c
                ? new MojoExecutionException(message(c))
                : new MojoExecutionException(e.getMessage(), e);
    }

    static String message(ConfigurationException e) {
        Parameter parameter = CloudistProperties.ALL.stream()
                .filter(p -> e.parameter().equals(p.property()) || e.parameter().equals(p.element()))
                .findFirst()
                .orElse(new Parameter(e.parameter(), null, null, null));
        String element = parameter.element() == null ? null : "<" + parameter.element() + ">";
        String property = parameter.property() == null ? null : "-D" + parameter.property();
        String where = element == null ? property : property == null ? element : element + " (" + property + ")";
        return "Invalid value '" + e.value() + "' for " + where + ": " + e.fix() + ".";
    }
}
