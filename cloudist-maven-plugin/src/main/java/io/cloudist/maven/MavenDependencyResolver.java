package io.cloudist.maven;

import io.cloudist.core.CloudistException;
import java.util.List;
import java.util.Set;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * Resolves artifacts through Maven's resolver, from the project's remote repositories. Uses the resolver API only:
 * Maven does not export its utility classes to plugins.
 */
final class MavenDependencyResolver implements DependencyResolver {
    private static final String RUNTIME = "runtime";
    private static final Set<String> RUNTIME_SCOPES = Set.of("", "compile", RUNTIME);
    private static final DependencyFilter RUNTIME_CLASSPATH = (node, parents) -> node.getDependency() == null
            || RUNTIME_SCOPES.contains(node.getDependency().getScope());

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
        coordinates.forEach(c -> collect.addDependency(new Dependency(new DefaultArtifact(c), RUNTIME)));
        collect.setRepositories(repositories);
        DependencyRequest request = new DependencyRequest(collect, RUNTIME_CLASSPATH);
        try {
            return system.resolveDependencies(session, request).getArtifactResults().stream()
                    .map(ArtifactResult::getArtifact)
                    .map(MavenDependencyResolver::toArtifactFile)
                    .toList();
        } catch (DependencyResolutionException e) {
            throw new CloudistException("Cannot resolve " + String.join(", ", coordinates) + ": " + e.getMessage(), e);
        }
    }

    private static ArtifactFile toArtifactFile(Artifact artifact) {
        return new ArtifactFile(
                artifact.getGroupId(),
                artifact.getArtifactId(),
                artifact.getVersion(),
                artifact.getFile().toPath());
    }
}
