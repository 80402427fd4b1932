package io.cloudist.maven;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A resolved artifact, reduced to what the mapping needs.
 *
 * @param groupId the group id
 * @param artifactId the artifact id
 * @param version the version
 * @param file the resolved file
 */
record ArtifactFile(String groupId, String artifactId, String version, Path file) {
    ArtifactFile {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(file, "file");
    }

    /** {@code groupId:artifactId}. */
    String key() {
        return groupId + ":" + artifactId;
    }
}
