package io.cloudist.aws.client;

import io.cloudist.core.CloudistProperties;
import io.cloudist.core.ConfigurationException;
import java.util.Objects;

/**
 * A store location {@code s3://bucket/prefix}, split into bucket and key prefix.
 *
 * @param bucket the bucket name
 * @param prefix the key prefix without leading or trailing {@code /}, "" for the whole bucket
 */
public record S3Location(String bucket, String prefix) {
    public S3Location {
        Objects.requireNonNull(bucket, "bucket");
        prefix = strip(Objects.requireNonNullElse(prefix, ""));
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("Empty bucket name");
        }
    }

    /**
     * @throws ConfigurationException when {@code location} is not an {@code s3://} URI
     */
    public static S3Location parse(String location) {
        if (location == null || !location.startsWith("s3://") || location.length() == "s3://".length()) {
            throw new ConfigurationException(
                    CloudistProperties.STORE,
                    String.valueOf(location),
                    "the ec2 backend needs an S3 store: s3://<bucket>/<prefix>");
        }
        String rest = location.substring("s3://".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? new S3Location(rest, "") : new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
    }

    /** The S3 key of a store key (a {@link io.cloudist.core.store.StoreKeys} value). */
    public String key(String storeKey) {
        return keyPrefix() + storeKey;
    }

    /** The S3 key prefix of every run's data ({@link io.cloudist.core.store.StoreKeys#run} keys lie under it). */
    public String runsPrefix() {
        return key("runs/");
    }

    /** The prefix every key of this store starts with: "" or {@code prefix/}. */
    public String keyPrefix() {
        return prefix.isEmpty() ? "" : prefix + "/";
    }

    /** The {@code s3://} URI of a store key, as the AWS CLI takes it. */
    public String uri(String storeKey) {
        return "s3://" + bucket + "/" + key(storeKey);
    }

    @Override
    public String toString() {
        return prefix.isEmpty() ? "s3://" + bucket : "s3://" + bucket + "/" + prefix;
    }

    private static String strip(String prefix) {
        String p = prefix;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
