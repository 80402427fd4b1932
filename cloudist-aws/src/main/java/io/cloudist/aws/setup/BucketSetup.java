package io.cloudist.aws.setup;

import io.cloudist.core.CloudistException;
import io.cloudist.core.CloudistProperties;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Makes the store's bucket: created with SSE-S3 default encryption and every public access blocked, or found as it
 * is; either way, a lifecycle rule expires run data after {@link AwsNames#RUN_DATA_DAYS} days. Other lifecycle rules
 * of a shared bucket are kept.
 */
final class BucketSetup {
    private final S3Client s3;
    private final String region;

    private static final String NOT_IMPLEMENTED = "NotImplemented";

    BucketSetup(S3Client s3, String region) {
        this.s3 = s3;
        this.region = region;
    }

    /** Creates the bucket when it is missing; true when it did. */
    boolean ensureBucket(S3Location store) {
        if (exists(store.bucket())) {
            return false;
        }
        AwsErrors.call("s3:CreateBucket", () -> s3.createBucket(r -> {
            r.bucket(store.bucket());
            if (!region.equals("us-east-1")) {
                r.createBucketConfiguration(c -> c.locationConstraint(region));
            }
        }));
        AwsErrors.call("s3:PutEncryptionConfiguration", () -> s3.putBucketEncryption(r -> r.bucket(store.bucket())
                .serverSideEncryptionConfiguration(c -> c.rules(rule -> rule.applyServerSideEncryptionByDefault(
                        d -> d.sseAlgorithm(ServerSideEncryption.AES256))))));
        AwsErrors.call("s3:PutBucketPublicAccessBlock", () -> s3.putPublicAccessBlock(r -> r.bucket(store.bucket())
                .publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
                        .ignorePublicAcls(true)
                        .blockPublicPolicy(true)
                        .restrictPublicBuckets(true))));
        return true;
    }

    /**
     * Adds the run-data expiry rule when it is missing: "created", "found", or why it could not (an S3-compatible
     * server without lifecycle rules).
     */
    String ensureLifecycle(S3Location store) {
        try {
            return addLifecycleRule(store) ? "created" : "found";
        } catch (S3Exception e) {
            if (!NOT_IMPLEMENTED.equals(AwsErrors.code(e))) {
                throw AwsErrors.translate("s3:PutLifecycleConfiguration", e);
            }
            return "not supported by this S3 endpoint: run data does not expire by itself; delete it with"
                    + " mvn cloudist:cleanup -D" + CloudistProperties.DELETE_RUN_DATA + "=true";
        }
    }

    private boolean addLifecycleRule(S3Location store) {
        String id = ruleId(store);
        String prefix = store.runsPrefix();
        List<LifecycleRule> rules = new ArrayList<>(rules(store.bucket()));
        boolean present = rules.stream().anyMatch(r -> r.id().equals(id)
                && r.filter() != null
                && prefix.equals(r.filter().prefix())
                && r.expiration() != null
                && Integer.valueOf(AwsNames.RUN_DATA_DAYS).equals(r.expiration().days()));
        if (present) {
            return false;
        }
        rules.removeIf(r -> id.equals(r.id()));
        rules.add(LifecycleRule.builder()
                .id(id)
                .status(ExpirationStatus.ENABLED)
                .filter(f -> f.prefix(prefix))
                .expiration(e -> e.days(AwsNames.RUN_DATA_DAYS))
                .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(1))
                .build());
        s3.putBucketLifecycleConfiguration(r -> r.bucket(store.bucket())
                .lifecycleConfiguration(BucketLifecycleConfiguration.builder().rules(rules).build()));
        return true;
    }

    static String ruleId(S3Location store) {
        return store.prefix().isEmpty() ? "cloudist-runs" : "cloudist-runs-" + store.prefix();
    }

    private boolean exists(String bucket) {
        try {
            s3.headBucket(r -> r.bucket(bucket));
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            if (e.statusCode() == 403) {
                throw new CloudistException("Bucket " + bucket + " exists but this account cannot use it (it belongs"
                        + " to another account, or s3:ListBucket is not granted): choose another bucket with -D"
                        + CloudistProperties.STORE + "=s3://<bucket>/<prefix>", e);
            }
            throw AwsErrors.translate("s3:ListBucket", e);
        } catch (SdkException e) {
            throw AwsErrors.translate("s3:ListBucket", e);
        }
    }

    private List<LifecycleRule> rules(String bucket) {
        try {
            return s3.getBucketLifecycleConfiguration(r -> r.bucket(bucket)).rules();
        } catch (S3Exception e) {
            if ("NoSuchLifecycleConfiguration".equals(AwsErrors.code(e))) {
                return List.of();
            }
            if (NOT_IMPLEMENTED.equals(AwsErrors.code(e))) {
                throw e;
            }
            throw AwsErrors.translate("s3:GetLifecycleConfiguration", e);
        } catch (SdkException e) {
            throw AwsErrors.translate("s3:GetLifecycleConfiguration", e);
        }
    }
}
