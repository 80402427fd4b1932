package io.cloudist.aws.setup;

import io.cloudist.aws.client.AwsNames;
import io.cloudist.aws.client.S3Location;
import io.cloudist.core.CloudistException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The IAM documents of the worker role, kept as resources ({@code worker-policy.json},
 * {@code worker-trust-policy.json} next to this class) so that the documentation quotes the same text that setup
 * applies. Each store gets its own inline policy on the role, named by {@link #name}, so that setting up a second store
 * (another region, bucket or prefix) leaves the first one's grant in place.
 *
 * <p>What a worker may do in its store, and nothing else:
 *
 * <ul>
 *   <li>read the blobs ({@code blobs/sha256/*}), the run manifests and leases ({@code runs/*}{@code /run.json},
 *       {@code runs/*}{@code /lease}), the assignments ({@code runs/*}{@code /w/*}{@code /in/*}) and the runs offered
 *       to warm workers ({@code pool/*}{@code /offer/*});
 *   <li>write results and heartbeats ({@code runs/*}{@code /w/*}{@code /out/*}, {@code runs/*}{@code /w/*}{@code
 *       /beat}) and its pool state ({@code pool/*}{@code /state}, which it also deletes when it leaves the pool);
 *   <li>list the bucket ({@code s3:ListBucket}): HeadBucket, and telling a missing key (404, which a worker waiting for
 *       its next assignment meets all the time) from a forbidden one (403), are authorised as a listing without a
 *       prefix, so the condition on {@code s3:prefix} is {@code StringLikeIfExists}.
 * </ul>
 *
 * <p>Workers that boot from an image may pull it from their region's ECR repository: {@link #forImages}, a policy
 * of its own per region.
 *
 * <p>No write to {@code blobs/}, run manifests, assignments, leases or {@code timings/}; no delete but its pool state.
 *
 * <p>What remains: IAM can name the calling instance only as its whole ARN ({@code ec2:SourceInstanceARN}) or as
 * {@code <role id>:<instance id>} ({@code aws:userid}); a worker's keys hold {@code <instance id>-<slot>}, which
 * neither matches, so a policy cannot confine a worker to its own keys. A worker (or a test it runs) can therefore
 * write the results and heartbeats of any worker of any run in the store, and the pool state of any warm worker, and
 * it can list the key names of the whole bucket, though not read them outside the store's prefix.
 */
public final class WorkerPolicy {
    /** IAM's limit on an inline policy's name. */
    static final int MAX_NAME = 128;

    private WorkerPolicy() {}

    /** The inline policy of the worker role for {@code store}. */
    public static String forStore(S3Location store) {
        return resource("worker-policy.json")
                .replace("${bucket}", store.bucket())
                .replace("${keyPrefix}", store.keyPrefix());
    }

    /**
     * The name of {@code store}'s inline policy: {@code cloudist-store-<bucket>[.<prefix>]-<hash>}, the bucket and
     * prefix readable (characters IAM does not allow in a name become dots, and long ones are cut) and the hash of
     * the store's URI keeping two stores apart.
     */
    public static String name(S3Location store) {
        String hash = HexFormat.of().formatHex(sha256(store.toString())).substring(0, 8);
        String readable = (store.bucket() + (store.prefix().isEmpty() ? "" : "." + store.prefix()))
                .replaceAll("[^A-Za-z0-9+=,.@_-]", ".");
        String name = AwsNames.POLICY_PREFIX + readable;
        int room = MAX_NAME - hash.length() - 1;
        return (name.length() > room ? name.substring(0, room) : name) + "-" + hash;
    }

    /**
     * The inline policy that lets workers pull their images from the region's ECR repository ({@code
     * worker-image-policy.json}): {@code ecr:BatchGetImage} and {@code ecr:GetDownloadUrlForLayer} on that one
     * repository, and {@code ecr:GetAuthorizationToken}, which IAM cannot scope to a resource. No push, no other
     * repository.
     */
    public static String forImages(String region, String account) {
        return resource("worker-image-policy.json")
                .replace("${partition}", partition(region))
                .replace("${region}", region)
                .replace("${account}", account)
                .replace("${repository}", AwsNames.IMAGE_REPOSITORY);
    }

    /** The name of the image policy of {@code region}: {@code cloudist-images-<region>}. */
    public static String imagesName(String region) {
        return AwsNames.IMAGE_POLICY_PREFIX + region;
    }

    static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    /** The trust policy that lets EC2 instances assume the worker role. */
    public static String trust() {
        return resource("worker-trust-policy.json");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = WorkerPolicy.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new CloudistException("Missing resource " + name + " in cloudist-aws");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CloudistException("Cannot read resource " + name + " of cloudist-aws: " + e.getMessage(), e);
        }
    }
}
