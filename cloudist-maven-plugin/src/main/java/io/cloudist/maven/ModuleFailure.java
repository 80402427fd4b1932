package io.cloudist.maven;

import java.util.Objects;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * A module that the reactor's run fails, and why, as its own goal would have thrown it.
 *
 * @param module the module
 * @param cause a {@link MojoFailureException} (test failures, no tests) or a {@link MojoExecutionException} (the run
 *     could not be carried out)
 */
record ModuleFailure(ReactorModule module, Exception cause) {
    ModuleFailure {
        Objects.requireNonNull(module, "module");
        if (!(cause instanceof MojoFailureException) && !(cause instanceof MojoExecutionException)) {
            throw new IllegalArgumentException("A module fails with a MojoFailureException or MojoExecutionException");
        }
    }
}
