package io.cloudist.maven;

import io.cloudist.core.CloudistException;
import java.util.List;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/** Resolves artifacts through Maven's resolver, from the project's remote repositories. */
final class MavenDependencyResolver implements DependencyResolver {
    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;

    MavenDependencyResolver(
            RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
        this.system = system;
        this.session = session;
        this.repositories = List.copyOf(repositories);
    }

    @Override
    public List<ArtifactFile> resolve(List<String> coordinates) {
        CollectRequest collect = new CollectRequest();
        coordinates.forEach(c -> collect.addDependency(new Dependency(new DefaultArtifact(c), JavaScopes.RUNTIME)));
        collect.setRepositories(repositories);
        DependencyRequest request =
                new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        try {
            return system.resolveDependencies(session, request).getArtifactResults().stream()
                    .map(ArtifactResult::getArtifact)
                    .map(MavenDependencyResolver::toArtifactFile)
                    .toList();
        } catch (DependencyResolutionException e) {
            throw new CloudistException(
                    "Cannot resolve " + String.join(", ", coordinates) + ", needed to run the tests on the JUnit "
                            + "Platform: " + e.getMessage() + ". Add them to the project's test dependencies.",
                    e);
        }
    }

    private static ArtifactFile toArtifactFile(Artifact artifact) {
        return new ArtifactFile(
                artifact.getGroupId(), artifact.getArtifactId(), artifact.getVersion(), artifact.getFile().toPath());
    }
}
