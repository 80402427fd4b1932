package io.cloudist.aws.client;

import io.cloudist.core.CloudistProperties;
import io.cloudist.core.ConfigurationException;
import java.util.regex.Pattern;

/**
 * Where an S3 store lives: {@code s3://bucket/prefix}, the prefix optional. Store keys (values of
 * {@link io.cloudist.core.store.StoreKeys}) become object keys {@code prefix/key}.
 *
 * @param bucket the bucket name: 3 to 63 lower-case letters, digits, dots and hyphens
 * @param prefix the key prefix without leading or trailing {@code /}, "" for the whole bucket
 */
public record S3Location(String bucket, String prefix) {
    private static final String SCHEME = "s3://";
    /** S3's rules for bucket names: 3 to 63 lower-case letters, digits, dots and hyphens, a letter or digit at the ends. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    /** @throws ConfigurationException naming {@code cloudist.store} for a bucket name S3 does not allow */
    public S3Location {
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new ConfigurationException(
                    CloudistProperties.STORE,
                    SCHEME + bucket,
                    "an S3 bucket name has 3 to 63 lower-case letters, digits, dots and hyphens");
        }
        prefix = trimSlashes(prefix == null ? "" : prefix);
    }

    /**
     * Parses {@code s3://bucket} or {@code s3://bucket/prefix}.
     *
     * @throws ConfigurationException naming {@code cloudist.store} when {@code location} is not an {@code s3://} URI
     *     with a valid bucket name
     */
    public static S3Location parse(String location) {
        if (location == null || !location.startsWith(SCHEME)) {
            throw new ConfigurationException(
                    CloudistProperties.STORE,
                    String.valueOf(location),
                    "the ec2 backend needs an S3 store: s3://<bucket>/<prefix>");
        }
        String rest = location.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        return slash < 0
                ? new S3Location(rest, "")
                : new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
    }

    /** The object key of a store key; refuses keys that could not have come from {@code StoreKeys}. */
    public String key(String storeKey) {
        if (storeKey.isEmpty() || storeKey.startsWith("/") || ("/" + storeKey + "/").contains("/../")) {
            throw new IllegalArgumentException("Not a store key: " + storeKey);
        }
        return keyPrefix() + storeKey;
    }

    /** The object-key prefix of a store-key prefix ({@code ""} lists the whole store). */
    public String objectPrefix(String storeKeyPrefix) {
        return keyPrefix() + storeKeyPrefix;
    }

    /** The store key of an object key under this location's prefix. */
    public String storeKey(String objectKey) {
        return objectKey.substring(keyPrefix().length());
    }

    /** The object-key prefix of every run's data ({@link io.cloudist.core.store.StoreKeys#run} keys lie under it). */
    public String runsPrefix() {
        return key("runs/");
    }

    /** The prefix every object key of this store starts with: "" or {@code prefix/}. */
    public String keyPrefix() {
        return prefix.isEmpty() ? "" : prefix + "/";
    }

    /** The {@code s3://} URI of a store key, as the AWS CLI takes it. */
    public String uri(String storeKey) {
        return SCHEME + bucket + "/" + key(storeKey);
    }

    /** The ARN of the bucket, for IAM messages. */
    public String bucketArn() {
        return "arn:aws:s3:::" + bucket;
    }

    /** The ARN of every object of the store, for IAM messages. */
    public String objectsArn() {
        return bucketArn() + "/" + keyPrefix() + "*";
    }

    @Override
    public String toString() {
        return SCHEME + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }

    private static String trimSlashes(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '/') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == '/') {
            to--;
        }
        return s.substring(from, to);
    }
}
