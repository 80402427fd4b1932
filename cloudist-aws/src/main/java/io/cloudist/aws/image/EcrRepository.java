package io.cloudist.aws.image;

import io.cloudist.aws.client.AwsErrors;
import io.cloudist.aws.client.AwsNames;
import io.cloudist.core.CloudistException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.Tag;

/**
 * The account's ECR repository of worker images, {@link AwsNames#IMAGE_REPOSITORY}: made by setup (scan on push,
 * immutable tags, a lifecycle rule that expires images some days after their push), asked before a build whether it
 * holds an image ({@code ecr:DescribeImages}), and the source of the registry credentials ({@code
 * ecr:GetAuthorizationToken}), which stay in memory: never printed, never written.
 */
public final class EcrRepository {
    /** What setup did to the repository. */
    public enum Result {
        CREATED,
        FOUND,
        UPDATED
    }

    private final EcrClient ecr;
    private final String registryOverride;

    /**
     * @param registryOverride the registry's address to push to and pull from instead of ECR's own (e.g.
     *     {@code http://127.0.0.1:5000}), "" for none: see {@link io.cloudist.aws.client.EndpointOverrides#registry}
     */
    public EcrRepository(EcrClient ecr, String registryOverride) {
        this.ecr = ecr;
        this.registryOverride = registryOverride;
    }

    /**
     * Creates the repository, or brings one it finds to scan on push and to the lifecycle rule of {@code
     * retentionDays}. Tag immutability is set at creation only: a repository a user made mutable stays so.
     */
    public Result ensure(int retentionDays) {
        String policy = lifecyclePolicy(retentionDays);
        Optional<Repository> found = describe();
        if (found.isEmpty()) {
            AwsErrors.call(
                    "ecr:CreateRepository",
                    () -> ecr.createRepository(r -> r.repositoryName(AwsNames.IMAGE_REPOSITORY)
                            .imageScanningConfiguration(s -> s.scanOnPush(true))
                            .imageTagMutability(ImageTagMutability.IMMUTABLE)
                            .tags(Tag.builder().key(AwsNames.TAG).value("true").build())));
            putLifecyclePolicy(policy);
            return Result.CREATED;
        }
        boolean updated = false;
        Repository repository = found.get();
        if (repository.imageScanningConfiguration() == null
                || !Boolean.TRUE.equals(repository.imageScanningConfiguration().scanOnPush())) {
            AwsErrors.call(
                    "ecr:PutImageScanningConfiguration",
                    () -> ecr.putImageScanningConfiguration(r -> r.repositoryName(AwsNames.IMAGE_REPOSITORY)
                            .imageScanningConfiguration(s -> s.scanOnPush(true))));
            updated = true;
        }
        if (!currentLifecyclePolicy().map(policy::equals).orElse(false)) {
            putLifecyclePolicy(policy);
            updated = true;
        }
        return updated ? Result.UPDATED : Result.FOUND;
    }

    /** The repository as ECR describes it, or empty when there is none. */
    public Optional<Repository> describe() {
        try {
            List<Repository> repositories = ecr.describeRepositories(r -> r.repositoryNames(AwsNames.IMAGE_REPOSITORY))
                    .repositories();
            return repositories.stream().findFirst();
        } catch (RepositoryNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.translate("ecr:DescribeRepositories", e);
        }
    }

    /** The lifecycle rule setup writes: expire any image {@code days} after its push. */
    static String lifecyclePolicy(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("Images must be kept at least a day: " + days);
        }
        return "{\"rules\":[{\"rulePriority\":1,\"description\":\"cloudist: expire worker images " + days
                + " days after their push\",\"selection\":{\"tagStatus\":\"any\",\"countType\":\"sinceImagePushed\","
                + "\"countUnit\":\"days\",\"countNumber\":" + days + "},\"action\":{\"type\":\"expire\"}}]}";
    }

    /**
     * Where to push, with the credentials of {@code ecr:GetAuthorizationToken} (valid 12 hours; kept in memory only).
     */
    public ImageTarget target() {
        AuthorizationData data = AwsErrors.call("ecr:GetAuthorizationToken", () -> ecr.getAuthorizationToken(r -> {}))
                .authorizationData()
                .stream()
                .findFirst()
                .orElseThrow(() -> new CloudistException("ecr:GetAuthorizationToken returned no authorization"));
        String decoded = new String(Base64.getDecoder().decode(data.authorizationToken()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new CloudistException("ecr:GetAuthorizationToken returned a token of an unknown form");
        }
        URI endpoint = URI.create(registryOverride.isEmpty() ? data.proxyEndpoint() : registryOverride);
        String registry = endpoint.getHost() + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort());
        return new ImageTarget(
                registry,
                AwsNames.IMAGE_REPOSITORY,
                decoded.substring(0, colon),
                decoded.substring(colon + 1),
                "http".equals(endpoint.getScheme()));
    }

    /**
     * Whether the repository holds an image: ECR's answer ({@code ecr:DescribeImages}), and, when the registry is
     * overridden, the registry's own, which ECR's control plane does not see.
     */
    public ImageLookup lookup(ImageTarget target) {
        ImageLookup registry = new RegistryLookup(target);
        return tag -> {
            Optional<String> digest = describeImage(tag);
            return digest.isPresent() || registryOverride.isEmpty() ? digest : registry.digestOf(tag);
        };
    }

    private Optional<String> describeImage(String tag) {
        try {
            return ecr
                    .describeImages(r -> r.repositoryName(AwsNames.IMAGE_REPOSITORY)
                            .imageIds(ImageIdentifier.builder().imageTag(tag).build()))
                    .imageDetails()
                    .stream()
                    .findFirst()
                    .map(d -> d.imageDigest());
        } catch (ImageNotFoundException e) {
            return Optional.empty();
        } catch (RepositoryNotFoundException e) {
            throw new ImageBuildException(
                    "There is no ECR repository " + AwsNames.IMAGE_REPOSITORY
                            + " for worker images: run mvn cloudist:setup once in this region",
                    e);
        } catch (SdkException e) {
            throw AwsErrors.translate("ecr:DescribeImages", e);
        }
    }

    /** Deletes the repository and every image in it; false when there was none. */
    public boolean delete() {
        try {
            ecr.deleteRepository(
                    r -> r.repositoryName(AwsNames.IMAGE_REPOSITORY).force(true));
            return true;
        } catch (RepositoryNotFoundException e) {
            return false;
        } catch (SdkException e) {
            throw AwsErrors.translate("ecr:DeleteRepository", e);
        }
    }

    private Optional<String> currentLifecyclePolicy() {
        try {
            return Optional.of(ecr.getLifecyclePolicy(r -> r.repositoryName(AwsNames.IMAGE_REPOSITORY))
                    .lifecyclePolicyText());
        } catch (LifecyclePolicyNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.translate("ecr:GetLifecyclePolicy", e);
        }
    }

    private void putLifecyclePolicy(String policy) {
        AwsErrors.call(
                "ecr:PutLifecyclePolicy",
                () -> ecr.putLifecyclePolicy(
                        r -> r.repositoryName(AwsNames.IMAGE_REPOSITORY).lifecyclePolicyText(policy)));
    }
}
