package io.cloudist.maven;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Builds the runtime image that the module's cloud workers boot from (a JDK base, the worker, the tests' third-party
 * jars) and pushes it to the account's repository, unless it is there already: a CI cache step can run it ahead of
 * {@code cloudist:test}, whose run then pushes nothing. Takes the parameters of {@code test}; the backend must be a
 * cloud one ({@code -Dcloudist.backend=ec2}).
 *
 * <p>In a reactor (unless {@code -Dcloudist.reactor=false}) the modules collect as they do into a reactor's run, and
 * after the last one the goal builds the one image that the reactor's run of their tests boots from.
 */
@Mojo(
        name = "image",
        defaultPhase = LifecyclePhase.TEST,
        requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
@Execute(phase = LifecyclePhase.TEST_COMPILE)
public class ImageMojo extends AbstractTestMojo {
    @Override
    boolean buildsImage() {
        return true;
    }
}
