package io.cloudist.aws.s3;

import static io.cloudist.aws.s3.S3Calls.send;

import io.cloudist.aws.client.S3Location;
import io.cloudist.core.CloudistException;
import io.cloudist.core.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A {@link Store} in an S3 bucket, at {@code s3://bucket/prefix}: store key {@code k} is object {@code prefix/k}.
 *
 * <p>Small documents are single requests with short timeouts (20 s an attempt, 1 min in all, retries included);
 * blob transfers get long ones. Files over {@link MultipartUpload#PART_SIZE} are uploaded in parts. Files carry their
 * SHA-256, which {@link #sha256} reads back without a download ({@link BlobChecksums}). Failed requests
 * are retried as {@link S3Connection} describes (throttling, 5xx, timeouts, dropped connections), and what still
 * fails becomes a {@link io.cloudist.core.store.StoreUnavailableException} when time may mend it, else a
 * {@link CloudistException} (or a {@link io.cloudist.core.ConfigurationException} for a missing bucket or a wrong
 * region) that says what to fix; no SDK exception leaves this class.
 *
 * <p>{@link #putIfAbsent} is a conditional PUT ({@code If-None-Match: *}), atomic in S3. Should an attempt create
 * the object but its response be lost, the retry finds the object: when it holds this call's value, the call
 * answers true (documents that are put if absent name their writer, e.g. a run's id).
 */
public final class S3Store implements Store {
    private static final AwsRequestOverrideConfiguration DOCUMENT = AwsRequestOverrideConfiguration.builder()
            .apiCallAttemptTimeout(Duration.ofSeconds(20))
            .apiCallTimeout(Duration.ofMinutes(1))
            .build();
    private static final AwsRequestOverrideConfiguration TRANSFER = AwsRequestOverrideConfiguration.builder()
            .apiCallAttemptTimeout(Duration.ofMinutes(30))
            .apiCallTimeout(Duration.ofHours(2))
            .build();
    private static final int CONFLICT_ATTEMPTS = 6;

    private final S3Location location;
    private final S3Connection connection;
    private final S3Errors errors;

    S3Store(S3Location location, S3Connection connection) {
        this.location = location;
        this.connection = connection;
        this.errors = new S3Errors(
                location,
                connection.region().id(),
                connection.profile(),
                () -> connection.owner().known());
    }

    /**
     * Opens the store at {@code location} without contacting S3 ({@link S3StoreProvider} also checks the bucket).
     *
     * @param location {@code s3://bucket} or {@code s3://bucket/prefix}
     * @param region the AWS region, or "" for the SDK's default chain ({@code AWS_REGION}, profile, instance)
     * @param profile the AWS profile for credentials, or "" for the SDK's default credentials chain
     * @throws io.cloudist.core.ConfigurationException for a malformed location or when no region is configured
     */
    public static S3Store open(String location, String region, String profile) {
        S3Location where = S3Location.parse(location);
        return new S3Store(where, S3Connection.open(where.toString(), region, profile));
    }

    /** The endpoint that overrides S3's (from {@code AWS_ENDPOINT_URL_S3} and friends), to pass on to workers. */
    public Optional<String> endpointOverride() {
        return connection.endpointOverride().map(Object::toString);
    }

    /** The region the store's requests are signed for. */
    public String region() {
        return connection.region().id();
    }

    /** The account that must own the bucket, named on every request ({@link BucketOwner}). */
    public String expectedOwner() {
        return connection.owner().account();
    }

    /** The requests sent so far. */
    @Override
    public String usage() {
        return stats().toString();
    }

    public RequestStats stats() {
        return connection.counter().snapshot();
    }

    /**
     * Fails with the fix when there are no credentials, their account cannot be learned, or the bucket is missing,
     * elsewhere, forbidden or another account's.
     */
    void checkBucket() {
        try {
            connection.credentials().resolveCredentials();
        } catch (SdkException e) {
            throw errors.noCredentials(e);
        }
        expectedOwner();
        try {
            s3().headBucket(r -> r.bucket(location.bucket()).overrideConfiguration(DOCUMENT));
        } catch (S3Exception e) {
            if (e.statusCode() == 404 || e.statusCode() == 301) {
                throw errors.translate(e, S3Action.CHECK_BUCKET, null);
            }
            // A HEAD response has no body, so no error code: ask again with a request whose error names it.
            try {
                s3().listObjectsV2(r -> r.bucket(location.bucket())
                        .prefix(location.objectPrefix(""))
                        .maxKeys(1)
                        .overrideConfiguration(DOCUMENT));
            } catch (SdkException again) {
                throw errors.translate(again, S3Action.CHECK_BUCKET, null);
            }
            throw errors.translate(e, S3Action.CHECK_BUCKET, null);
        } catch (SdkException e) {
            throw errors.translate(e, S3Action.CHECK_BUCKET, null);
        }
    }

    @Override
    public void put(String key, byte[] data) {
        String objectKey = location.key(key);
        try {
            send(() -> s3().putObject(
                            r -> r.bucket(location.bucket()).key(objectKey).overrideConfiguration(DOCUMENT),
                            RequestBody.fromBytes(data)));
        } catch (SdkException e) {
            throw errors.translate(e, S3Action.PUT, objectKey);
        }
    }

    @Override
    public void putFile(String key, Path file) {
        String objectKey = location.key(key);
        try {
            long size = Files.size(file);
            BlobChecksums.Digest digest = BlobChecksums.of(file);
            Map<String, String> metadata = Map.of(BlobChecksums.METADATA, digest.hex());
            if (size > MultipartUpload.PART_SIZE) {
                send(() -> {
                    MultipartUpload.upload(s3(), location.bucket(), objectKey, file, size, metadata, TRANSFER);
                    return null;
                });
            } else {
                send(() -> s3().putObject(
                                r -> r.bucket(location.bucket())
                                        .key(objectKey)
                                        .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                                        .checksumSHA256(digest.base64())
                                        .metadata(metadata)
                                        .overrideConfiguration(TRANSFER),
                                RequestBody.fromFile(file)));
            }
        } catch (SdkException e) {
            throw errors.translate(e, S3Action.PUT, objectKey);
        } catch (IOException | UncheckedIOException e) {
            throw new CloudistException("Cannot upload " + file + " to " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean putIfAbsent(String key, byte[] data) {
        String objectKey = location.key(key);
        for (int attempt = 1; ; attempt++) {
            try {
                send(() -> s3().putObject(
                                r -> r.bucket(location.bucket())
                                        .key(objectKey)
                                        .ifNoneMatch("*")
                                        .overrideConfiguration(DOCUMENT),
                                RequestBody.fromBytes(data)));
                return true;
            } catch (S3Exception e) {
                if (e.statusCode() == 412) {
                    return get(key).map(value -> Arrays.equals(value, data)).orElse(false);
                }
                // 409 ConditionalRequestConflict: another conditional write of the key is in flight; ask again.
                if (e.statusCode() != 409 || attempt == CONFLICT_ATTEMPTS) {
                    throw errors.translate(e, S3Action.PUT, objectKey);
                }
                pause(attempt);
            } catch (SdkException e) {
                throw errors.translate(e, S3Action.PUT, objectKey);
            }
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        String objectKey = location.key(key);
        try {
            return Optional.of(send(() -> s3().getObjectAsBytes(r ->
                            r.bucket(location.bucket()).key(objectKey).overrideConfiguration(DOCUMENT)))
                    .asByteArrayUnsafe());
        } catch (SdkException e) {
            if (isMissingKey(e)) {
                return Optional.empty();
            }
            throw errors.translate(e, S3Action.GET, objectKey);
        }
    }

    @Override
    public boolean getFile(String key, Path target) {
        String objectKey = location.key(key);
        Path absolute = target.toAbsolutePath();
        Path part = absolute.resolveSibling(absolute.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            Files.createDirectories(absolute.getParent());
            send(() -> s3().getObject(
                            r -> r.bucket(location.bucket()).key(objectKey).overrideConfiguration(TRANSFER),
                            ResponseTransformer.toFile(part)));
            Files.move(part, absolute, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (SdkException e) {
            if (isMissingKey(e)) {
                return false;
            }
            throw errors.translate(e, S3Action.GET, objectKey);
        } catch (IOException e) {
            throw new CloudistException("Cannot write " + target + " from " + location + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                // a leftover partial download is harmless
            }
        }
    }

    @Override
    public boolean exists(String key) {
        String objectKey = location.key(key);
        try {
            send(() -> s3().headObject(
                            r -> r.bucket(location.bucket()).key(objectKey).overrideConfiguration(DOCUMENT)));
            return true;
        } catch (SdkException e) {
            if (isMissingKey(e)) {
                return false;
            }
            throw errors.translate(e, S3Action.HEAD, objectKey);
        }
    }

    /** What a HEAD request shows of the object's bytes: see {@link BlobChecksums} for what is believed. */
    @Override
    public Optional<String> sha256(String key) {
        String objectKey = location.key(key);
        try {
            return BlobChecksums.vouchedFor(send(() -> s3().headObject(r -> r.bucket(location.bucket())
                    .key(objectKey)
                    .checksumMode(ChecksumMode.ENABLED)
                    .overrideConfiguration(DOCUMENT))));
        } catch (SdkException e) {
            if (isMissingKey(e)) {
                return Optional.empty();
            }
            throw errors.translate(e, S3Action.HEAD, objectKey);
        }
    }

    @Override
    public List<String> list(String prefix) {
        String objectPrefix = location.objectPrefix(prefix);
        try {
            return send(() -> s3()
                    .listObjectsV2Paginator(r ->
                            r.bucket(location.bucket()).prefix(objectPrefix).overrideConfiguration(DOCUMENT))
                    .contents()
                    .stream()
                    .map(S3Object::key)
                    .map(location::storeKey)
                    .sorted()
                    .toList());
        } catch (SdkException e) {
            throw errors.translate(e, S3Action.LIST, objectPrefix);
        }
    }

    /**
     * One LIST request per 1,000 keys: each object's ETag (a digest of its bytes for a document), size and time of its
     * last write.
     */
    @Override
    public Map<String, String> versions(String prefix) {
        String objectPrefix = location.objectPrefix(prefix);
        try {
            return send(() -> {
                Map<String, String> versions = new LinkedHashMap<>(); // S3 lists in key order
                s3().listObjectsV2Paginator(r ->
                                r.bucket(location.bucket()).prefix(objectPrefix).overrideConfiguration(DOCUMENT))
                        .contents()
                        .forEach(o -> versions.put(
                                location.storeKey(o.key()), o.eTag() + "/" + o.size() + "/" + o.lastModified()));
                return versions;
            });
        } catch (SdkException e) {
            throw errors.translate(e, S3Action.LIST, objectPrefix);
        }
    }

    @Override
    public void delete(String key) {
        String objectKey = location.key(key);
        try {
            send(() -> s3().deleteObject(
                            r -> r.bucket(location.bucket()).key(objectKey).overrideConfiguration(DOCUMENT)));
        } catch (SdkException e) {
            if (!isMissingKey(e)) {
                throw errors.translate(e, S3Action.DELETE, objectKey);
            }
        }
    }

    @Override
    public String location() {
        return location.toString();
    }

    @Override
    public void close() {
        connection.close();
    }

    private S3Client s3() {
        return connection.client();
    }

    /** A 404 for the key; a missing bucket is not a missing key and is reported. */
    private static boolean isMissingKey(SdkException e) {
        return e instanceof S3Exception s3
                && s3.statusCode() == 404
                && (s3.awsErrorDetails() == null
                        || !"NoSuchBucket".equals(s3.awsErrorDetails().errorCode()));
    }

    private void pause(int attempt) {
        long cap = Math.min(2_000, 50L << attempt);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudistException("Interrupted while writing to " + location, e);
        }
    }
}
