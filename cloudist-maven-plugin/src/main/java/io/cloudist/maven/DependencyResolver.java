package io.cloudist.maven;

import java.util.List;

/** Resolves artifacts, with their transitive runtime dependencies, from the project's repositories. */
@FunctionalInterface
interface DependencyResolver {
    /**
     * @param coordinates {@code groupId:artifactId:version} of each artifact to resolve
     * @return the artifacts and their runtime dependencies
     * @throws io.cloudist.core.CloudistException when resolution fails
     */
    List<ArtifactFile> resolve(List<String> coordinates);
}
