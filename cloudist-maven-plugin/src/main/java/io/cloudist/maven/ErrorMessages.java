package io.cloudist.maven;

import io.cloudist.core.CloudistException;
import io.cloudist.core.CloudistParameters;
import io.cloudist.core.CloudistProperties.Parameter;
import io.cloudist.core.ConfigurationException;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/** The one place that turns cloudist's exceptions into Maven errors that say what to change. */
final class ErrorMessages {
    private ErrorMessages() {}

    /**
     * The Maven error for {@code e}. A configuration error names the POM element, the {@code -D} property and the fix;
     * any other keeps its message, which by cloudist's convention already carries what matters of its cause. Without
     * {@code showErrors} ({@code mvn -e}) it does not carry the cause: Maven would append every cause's message (an
     * AWS SDK's can run to many lines). The whole exception goes to the debug log ({@code mvn -X}) either way.
     */
    static MojoExecutionException toMojoException(CloudistException e, Log log, boolean showErrors) {
        log.debug("cloudist failed", e);
        String message = e instanceof ConfigurationException c ? message(c) : e.getMessage();
        return showErrors ? new MojoExecutionException(message, e) : new MojoExecutionException(message);
    }

    static String message(ConfigurationException e) {
        Parameter parameter = CloudistParameters.ALL.stream()
                .filter(p -> e.parameter().equals(p.property()) || e.parameter().equals(p.element()))
                .findFirst()
                .orElseGet(() -> surefireParameter(e.parameter()));
        return "Invalid value '" + e.value() + "' for " + parameter.displayName() + ": " + e.fix() + ".";
    }

    /** A Surefire parameter cloudist reads, named by its element or property; else the name as given. */
    private static Parameter surefireParameter(String name) {
        return SurefireParameters.ALL.stream()
                .filter(s -> s.name().equals(name) || s.property().equals(name))
                .findFirst()
                .map(s -> new Parameter(s.name(), s.property().isEmpty() ? null : s.property(), null, Set.of(), null))
                .orElse(new Parameter(name, null, null, Set.of(), null));
    }
}
