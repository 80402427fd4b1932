package io.cloudist.aws.setup;

import io.cloudist.aws.client.AwsErrors;
import io.cloudist.aws.client.AwsNames;
import io.cloudist.aws.client.S3Location;
import io.cloudist.core.CloudistException;
import io.cloudist.core.CloudistProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Makes the store's bucket: created with SSE-S3 default encryption and every public access blocked, or found as it
 * is (then {@link BucketChecks} says what is weaker); either way, a lifecycle rule expires run data after
 * {@link AwsNames#RUN_DATA_DAYS} days. Other lifecycle rules of a shared bucket are kept. Every request names the
 * account that must own the bucket.
 */
final class BucketSetup {
    static final String NOT_IMPLEMENTED = "NotImplemented";
    static final String UNSUPPORTED = "not supported by this S3 endpoint";

    private final S3Client s3;
    private final String region;
    private final String account;

    BucketSetup(S3Client s3, String region, String account) {
        this.s3 = s3;
        this.region = region;
        this.account = account;
    }

    /** Creates the bucket when it is missing; true when it did. */
    boolean ensureBucket(S3Location store) {
        if (exists(store.bucket())) {
            return false;
        }
        AwsErrors.call(
                "s3:CreateBucket",
                () -> s3.createBucket(r -> {
                    r.bucket(store.bucket());
                    if (!region.equals("us-east-1")) {
                        r.createBucketConfiguration(c -> c.locationConstraint(region));
                    }
                }));
        BucketChecks.encrypt(s3, store.bucket(), account);
        BucketChecks.blockPublicAccess(s3, store.bucket(), account);
        return true;
    }

    /**
     * Adds the run-data expiry rule when it is missing ("created"); a rule of that id that no longer expires the
     * store's run data after {@link AwsNames#RUN_DATA_DAYS} days is reported, or repaired with {@code fix}.
     */
    Finding ensureLifecycle(S3Location store, boolean fix) {
        String subject = "Lifecycle rule " + ruleId(store) + " (expires s3://" + store.bucket() + "/"
                + store.runsPrefix() + " after " + AwsNames.RUN_DATA_DAYS + " days)";
        try {
            return lifecycle(store, subject, fix);
        } catch (S3Exception e) {
            if (!NOT_IMPLEMENTED.equals(AwsErrors.code(e))) {
                throw AwsErrors.translate("s3:PutLifecycleConfiguration", e);
            }
            return Finding.of(
                    subject,
                    UNSUPPORTED + ": run data does not expire by itself; delete it with" + " mvn cloudist:cleanup -D"
                            + CloudistProperties.DELETE_RUN_DATA + "=true");
        }
    }

    private Finding lifecycle(S3Location store, String subject, boolean fix) {
        String id = ruleId(store);
        List<LifecycleRule> rules = new ArrayList<>(rules(store.bucket()));
        Optional<LifecycleRule> mine =
                rules.stream().filter(r -> id.equals(r.id())).findFirst();
        if (mine.isPresent() && expiresRunData(mine.get(), store)) {
            return Finding.of(subject, "found");
        }
        if (mine.isPresent() && !fix) {
            return Finding.weak(
                    subject + ": changed, so run data may stay longer; " + BucketChecks.FIX_HINT + "restore it");
        }
        rules.removeIf(r -> id.equals(r.id()));
        rules.add(LifecycleRule.builder()
                .id(id)
                .status(ExpirationStatus.ENABLED)
                .filter(f -> f.prefix(store.runsPrefix()))
                .expiration(e -> e.days(AwsNames.RUN_DATA_DAYS))
                .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(1))
                .build());
        s3.putBucketLifecycleConfiguration(r -> r.bucket(store.bucket())
                .expectedBucketOwner(account)
                .lifecycleConfiguration(
                        BucketLifecycleConfiguration.builder().rules(rules).build()));
        return Finding.of(subject, mine.isPresent() ? "repaired" : "created");
    }

    private static boolean expiresRunData(LifecycleRule rule, S3Location store) {
        return rule.status() == ExpirationStatus.ENABLED
                && rule.filter() != null
                && store.runsPrefix().equals(rule.filter().prefix())
                && rule.expiration() != null
                && Integer.valueOf(AwsNames.RUN_DATA_DAYS)
                        .equals(rule.expiration().days());
    }

    static String ruleId(S3Location store) {
        return store.prefix().isEmpty() ? "cloudist-runs" : "cloudist-runs-" + store.prefix();
    }

    private boolean exists(String bucket) {
        try {
            s3.headBucket(r -> r.bucket(bucket).expectedBucketOwner(account));
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            if (e.statusCode() == 403) {
                throw new CloudistException(
                        "Bucket " + bucket + " exists but this account (" + account + ") cannot"
                                + " use it (it belongs to another account, or s3:ListBucket is not granted): choose another"
                                + " bucket with -D" + CloudistProperties.STORE + "=s3://<bucket>/<prefix>",
                        e);
            }
            throw AwsErrors.translate("s3:ListBucket", e);
        } catch (SdkException e) {
            throw AwsErrors.translate("s3:ListBucket", e);
        }
    }

    private List<LifecycleRule> rules(String bucket) {
        try {
            return s3.getBucketLifecycleConfiguration(r -> r.bucket(bucket).expectedBucketOwner(account))
                    .rules();
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
