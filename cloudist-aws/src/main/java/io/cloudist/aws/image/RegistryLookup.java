package io.cloudist.aws.image;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Asks the registry itself, over the registry API ({@code HEAD /v2/<repository>/manifests/<tag>}), whether it holds
 * an image: for a registry whose control plane cloudist cannot ask, such as one on this machine's loopback.
 */
public final class RegistryLookup implements ImageLookup {
    /** The manifest types cloudist's images come as: OCI and Docker, single and multi-architecture. */
    static final String MANIFEST_TYPES = String.join(
            ",",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final ImageTarget target;

    public RegistryLookup(ImageTarget target) {
        this.target = target;
    }

    @Override
    public Optional<String> digestOf(String tag) {
        URI uri = URI.create((target.plainHttp() ? "http://" : "https://") + target.registry() + "/v2/"
                + target.repository() + "/manifests/" + tag);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30))
                .header("Accept", MANIFEST_TYPES);
        if (target.hasCredentials()) {
            String basic = target.username() + ":" + target.password();
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<Void> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new ImageBuildException("The registry " + target.registry() + " answered " + response.statusCode()
                        + " to a lookup of " + target.reference(tag));
            }
            return response.headers().firstValue("Docker-Content-Digest").or(() -> {
                throw new ImageBuildException(
                        "The registry " + target.registry() + " named no digest for " + target.reference(tag));
            });
        } catch (IOException e) {
            throw new ImageBuildException("Cannot reach the registry " + target.registry() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageBuildException("Interrupted while looking up " + target.reference(tag), e);
        }
    }
}
