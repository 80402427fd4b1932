package io.cloudist.aws.image;

import java.util.Objects;

/**
 * Where a worker image goes: a registry's host (and port), a repository in it, and the credentials that push to it.
 * The password is never printed: {@link #toString()} leaves it out.
 *
 * @param registry the registry's host, e.g. {@code 123456789012.dkr.ecr.eu-west-1.amazonaws.com}, or
 *     {@code 127.0.0.1:5000}
 * @param repository the repository, e.g. {@code cloudist}
 * @param username "" for a registry that asks for none
 * @param password "" for a registry that asks for none
 * @param plainHttp whether the registry speaks HTTP rather than HTTPS (a registry on this machine's loopback)
 */
public record ImageTarget(String registry, String repository, String username, String password, boolean plainHttp) {
    public ImageTarget {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(repository, "repository");
        username = Objects.requireNonNullElse(username, "");
        password = Objects.requireNonNullElse(password, "");
    }

    /** A registry that asks for no credentials. */
    public static ImageTarget anonymous(String registry, String repository, boolean plainHttp) {
        return new ImageTarget(registry, repository, "", "", plainHttp);
    }

    /** {@code <registry>/<repository>:<tag>}. */
    public String reference(String tag) {
        return registry + "/" + repository + ":" + tag;
    }

    /** {@code <registry>/<repository>@<digest>}: what instances pull. */
    public String pinned(String digest) {
        return registry + "/" + repository + "@" + digest;
    }

    boolean hasCredentials() {
        return !username.isEmpty();
    }

    @Override
    public String toString() {
        return registry + "/" + repository + (hasCredentials() ? " (as " + username + ")" : "");
    }
}
