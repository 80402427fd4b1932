package io.cloudist.aws.s3;

import io.cloudist.core.CloudistProperties;
import io.cloudist.core.ConfigurationException;

/**
 * Where an S3 store lives: {@code s3://bucket/prefix}, the prefix optional. Store keys become object keys
 * {@code prefix/key}.
 *
 * @param bucket the bucket name
 * @param prefix the key prefix without leading or trailing {@code /}, "" for none
 */
public record S3Location(String bucket, String prefix) {
    private static final String SCHEME = "s3://";

    public S3Location {
        if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new ConfigurationException(
                    CloudistProperties.STORE,
                    SCHEME + bucket,
                    "an S3 bucket name has 3 to 63 lower-case letters, digits, dots and hyphens");
        }
        prefix = trimSlashes(prefix == null ? "" : prefix);
    }

    /** Parses {@code s3://bucket} or {@code s3://bucket/prefix}. */
    public static S3Location parse(String location) {
        if (location == null || !location.startsWith(SCHEME)) {
            throw new ConfigurationException(
                    CloudistProperties.STORE, location, "use s3://bucket or s3://bucket/prefix");
        }
        String rest = location.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        return slash < 0
                ? new S3Location(rest, "")
                : new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
    }

    /** The object key of a store key; refuses keys that could not have come from {@code StoreKeys}. */
    public String objectKey(String key) {
        if (key.isEmpty() || key.startsWith("/") || ("/" + key + "/").contains("/../")) {
            throw new IllegalArgumentException("Not a store key: " + key);
        }
        return prefix.isEmpty() ? key : prefix + "/" + key;
    }

    /** The object-key prefix of a store-key prefix ({@code ""} lists the whole store). */
    String objectPrefix(String keyPrefix) {
        return prefix.isEmpty() ? keyPrefix : prefix + "/" + keyPrefix;
    }

    /** The store key of an object key under this location's prefix. */
    String storeKey(String objectKey) {
        return prefix.isEmpty() ? objectKey : objectKey.substring(prefix.length() + 1);
    }

    /** The ARN of the bucket, for IAM messages. */
    public String bucketArn() {
        return "arn:aws:s3:::" + bucket;
    }

    /** The ARN of every object of the store, for IAM messages. */
    public String objectsArn() {
        return bucketArn() + "/" + (prefix.isEmpty() ? "" : prefix + "/") + "*";
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
