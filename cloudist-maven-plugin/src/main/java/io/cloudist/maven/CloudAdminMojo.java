package io.cloudist.maven;

import static io.cloudist.core.CloudistProperties.BACKEND;
import static io.cloudist.core.CloudistProperties.PROFILE;
import static io.cloudist.core.CloudistProperties.REGION;
import static io.cloudist.core.CloudistProperties.STORE;

import io.cloudist.core.CloudistException;
import io.cloudist.core.CloudistProperties.Goal;
import io.cloudist.core.RunListener;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

/**
 * What {@code cloudist:setup} and {@code cloudist:cleanup} share: the account parameters, their mapping to an
 * {@link AdminRequest}, a listener that logs what the backend says, and the error messages.
 */
abstract class CloudAdminMojo extends AbstractMojo {
    /** The cloud backend to act on: ec2 (the local backend needs no setup). Default: ec2. */
    @Parameter(property = BACKEND)
    private String backend;

    /** The store: s3://bucket/prefix. Default: the bucket that cloudist:setup makes for the account and region. */
    @Parameter(property = STORE)
    private String store;

    /** The AWS region; default: the AWS SDK's (AWS_REGION, then the profile's region). */
    @Parameter(property = REGION)
    private String region;

    /** The AWS credentials profile; default: the AWS SDK's (AWS_PROFILE, else default). */
    @Parameter(property = PROFILE)
    private String profile;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    private List<Artifact> pluginArtifacts;

    @Component
    private RepositorySystem repositorySystem;

    /** The goal this Mojo is. */
    abstract Goal goal();

    /** Does the goal's work through core. */
    abstract void act(AdminRequest request, RunListener listener);

    @Override
    public void execute() throws MojoExecutionException {
        ParameterSources sources =
                MavenFacts.sources(session, ConfiguredValues.of(this, mojoExecution.getMojoDescriptor()));
        CloudExtension extension;
        try {
            extension = CloudExtension.resolve(
                    new MavenDependencyResolver(
                            repositorySystem,
                            session.getRepositorySession(),
                            session.getCurrentProject().getRemotePluginRepositories()),
                    MavenFacts.artifactFiles(pluginArtifacts));
        } catch (CloudistException e) {
            throw ErrorMessages.toMojoException(e, getLog(), showErrors());
        }
        MojoExecutionException failure = extension.call(() -> {
            try {
                run(sources);
                return null;
            } catch (MojoExecutionException e) {
                return e;
            }
        });
        if (failure != null) {
            throw failure;
        }
    }

    /** Maps the parameters and acts; the seam that tests call without a Maven session. */
    final void run(ParameterSources sources) throws MojoExecutionException {
        try {
            act(AdminRequest.map(goal(), sources), new MavenRunListener(getLog(), text -> {}, System.out, System.err));
        } catch (CloudistException e) {
            throw ErrorMessages.toMojoException(e, getLog(), showErrors());
        }
    }

    /** Whether Maven runs with {@code -e}; false without a session, as in tests. */
    private boolean showErrors() {
        return session != null && session.getRequest().isShowErrors();
    }
}
