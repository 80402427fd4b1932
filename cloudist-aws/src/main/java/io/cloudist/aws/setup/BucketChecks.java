package io.cloudist.aws.setup;

import io.cloudist.aws.client.AwsErrors;
import io.cloudist.core.CloudistProperties;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * Checks a bucket setup found rather than created: default encryption, and every public access blocked. What is
 * weaker than setup would make it is reported as a warning, or repaired when {@code fix} is set. Only the bucket's own
 * public access block is read: an account-wide one may cover what the bucket's lacks.
 */
final class BucketChecks {
    static final String FIX_HINT = "run setup again with -D" + CloudistProperties.FIX + "=true to ";

    private final S3Client s3;
    private final String bucket;
    private final String account;
    private final boolean fix;

    BucketChecks(S3Client s3, String bucket, String account, boolean fix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.account = account;
        this.fix = fix;
    }

    Finding encryption() {
        String subject = "Default encryption of bucket " + bucket;
        List<ServerSideEncryptionRule> rules;
        try {
            rules = s3.getBucketEncryption(r -> r.bucket(bucket).expectedBucketOwner(account))
                    .serverSideEncryptionConfiguration()
                    .rules();
        } catch (S3Exception e) {
            if (BucketSetup.NOT_IMPLEMENTED.equals(AwsErrors.code(e))) {
                return Finding.of(subject, BucketSetup.UNSUPPORTED);
            }
            if (!"ServerSideEncryptionConfigurationNotFoundError".equals(AwsErrors.code(e))) {
                throw AwsErrors.translate("s3:GetEncryptionConfiguration", e);
            }
            rules = List.of();
        } catch (SdkException e) {
            throw AwsErrors.translate("s3:GetEncryptionConfiguration", e);
        }
        if (rules.stream()
                .anyMatch(r -> r.applyServerSideEncryptionByDefault() != null
                        && r.applyServerSideEncryptionByDefault().sseAlgorithmAsString() != null)) {
            return Finding.of(subject, "found");
        }
        if (!fix) {
            return Finding.weak(subject + ": none, so objects are stored unencrypted unless each upload asks; "
                    + FIX_HINT + "turn on SSE-S3");
        }
        encrypt(s3, bucket, account);
        return Finding.of(subject, "repaired (SSE-S3)");
    }

    Finding publicAccessBlock() {
        String subject = "Public access block of bucket " + bucket;
        PublicAccessBlockConfiguration block;
        try {
            block = s3.getPublicAccessBlock(r -> r.bucket(bucket).expectedBucketOwner(account))
                    .publicAccessBlockConfiguration();
        } catch (S3Exception e) {
            if (BucketSetup.NOT_IMPLEMENTED.equals(AwsErrors.code(e))) {
                return Finding.of(subject, BucketSetup.UNSUPPORTED);
            }
            if (!"NoSuchPublicAccessBlockConfiguration".equals(AwsErrors.code(e))) {
                throw AwsErrors.translate("s3:GetBucketPublicAccessBlock", e);
            }
            block = PublicAccessBlockConfiguration.builder().build();
        } catch (SdkException e) {
            throw AwsErrors.translate("s3:GetBucketPublicAccessBlock", e);
        }
        List<String> off = new ArrayList<>();
        if (!Boolean.TRUE.equals(block.blockPublicAcls())) {
            off.add("BlockPublicAcls");
        }
        if (!Boolean.TRUE.equals(block.ignorePublicAcls())) {
            off.add("IgnorePublicAcls");
        }
        if (!Boolean.TRUE.equals(block.blockPublicPolicy())) {
            off.add("BlockPublicPolicy");
        }
        if (!Boolean.TRUE.equals(block.restrictPublicBuckets())) {
            off.add("RestrictPublicBuckets");
        }
        if (off.isEmpty()) {
            return Finding.of(subject, "found");
        }
        if (!fix) {
            return Finding.weak(subject + ": " + String.join(", ", off)
                    + " not on, so the bucket could be made public; " + FIX_HINT + "block all public access");
        }
        blockPublicAccess(s3, bucket, account);
        return Finding.of(subject, "repaired (all public access blocked)");
    }

    /** SSE-S3 by default. */
    static void encrypt(S3Client s3, String bucket, String account) {
        AwsErrors.call(
                "s3:PutEncryptionConfiguration",
                () -> s3.putBucketEncryption(r -> r.bucket(bucket)
                        .expectedBucketOwner(account)
                        .serverSideEncryptionConfiguration(c -> c.rules(rule -> rule.applyServerSideEncryptionByDefault(
                                d -> d.sseAlgorithm(ServerSideEncryption.AES256))))));
    }

    /** All four settings of the bucket's public access block on. */
    static void blockPublicAccess(S3Client s3, String bucket, String account) {
        AwsErrors.call(
                "s3:PutBucketPublicAccessBlock",
                () -> s3.putPublicAccessBlock(r -> r.bucket(bucket)
                        .expectedBucketOwner(account)
                        .publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
                                .ignorePublicAcls(true)
                                .blockPublicPolicy(true)
                                .restrictPublicBuckets(true))));
    }
}
