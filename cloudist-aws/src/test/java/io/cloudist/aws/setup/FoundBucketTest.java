package io.cloudist.aws.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.aws.client.AwsClients;
import io.cloudist.aws.client.AwsNames;
import io.cloudist.aws.client.Lines;
import io.cloudist.aws.client.MotoExtension;
import io.cloudist.aws.client.Settings;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * A bucket setup finds rather than creates is not changed behind its owner's back: what is weaker than setup would
 * make it is a warning that names {@code -Dcloudist.fix=true}, and with it, it is repaired. Against moto's S3.
 */
@ExtendWith(MotoExtension.class)
class FoundBucketTest {
    private static final String STORE = "s3://their-bucket/ci";

    private final AwsCloudAdmin admin = new AwsCloudAdmin();
    private AwsClients aws;

    @BeforeEach
    void aBucketMadeByHand() {
        aws = new AwsClients(Settings.ec2());
        aws.s3()
                .createBucket(r -> r.bucket("their-bucket")
                        .createBucketConfiguration(c -> c.locationConstraint(MotoExtension.REGION)));
    }

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void aBucketWithoutEncryptionOrPublicAccessBlockIsReportedAndLeftAsItIs() {
        Lines lines = new Lines();

        admin.setup(Settings.ec2(), STORE, lines);

        assertThat(lines.warnings())
                .containsExactly(
                        "Default encryption of bucket their-bucket: none, so objects are stored unencrypted unless each upload"
                                + " asks; run setup again with -Dcloudist.fix=true to turn on SSE-S3",
                        "Public access block of bucket their-bucket: BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy,"
                                + " RestrictPublicBuckets not on, so the bucket could be made public; run setup again with"
                                + " -Dcloudist.fix=true to block all public access");
        assertThat(lines.texts()).contains("S3 bucket their-bucket: found");
        assertThatThrownBy(() -> aws.s3().getBucketEncryption(r -> r.bucket("their-bucket")))
                .as("still no default encryption")
                .hasMessageContaining("encryption configuration was not found");
    }

    @Test
    void withFixTheyAreRepaired() {
        aws.s3()
                .putPublicAccessBlock(r -> r.bucket("their-bucket")
                        .publicAccessBlockConfiguration(PublicAccessBlockConfiguration.builder()
                                .blockPublicAcls(true)
                                .ignorePublicAcls(true)
                                .blockPublicPolicy(false)
                                .restrictPublicBuckets(true)
                                .build()));
        Lines lines = new Lines();

        admin.setup(Settings.ec2(), STORE, true, lines);

        assertThat(lines.warnings()).isEmpty();
        assertThat(lines.texts())
                .contains(
                        "Default encryption of bucket their-bucket: repaired (SSE-S3)",
                        "Public access block of bucket their-bucket: repaired (all public access blocked)");
        assertThat(aws.s3()
                        .getBucketEncryption(r -> r.bucket("their-bucket"))
                        .serverSideEncryptionConfiguration()
                        .rules()
                        .get(0)
                        .applyServerSideEncryptionByDefault()
                        .sseAlgorithmAsString())
                .isEqualTo("AES256");
        var block = aws.s3().getPublicAccessBlock(r -> r.bucket("their-bucket")).publicAccessBlockConfiguration();
        assertThat(List.of(
                        block.blockPublicAcls(),
                        block.ignorePublicAcls(),
                        block.blockPublicPolicy(),
                        block.restrictPublicBuckets()))
                .containsOnly(true);
        admin.setup(Settings.ec2(), STORE, lines = new Lines());
        assertThat(lines.texts())
                .contains(
                        "Default encryption of bucket their-bucket: found",
                        "Public access block of bucket their-bucket: found");
    }

    @Test
    void anExpiryRuleThatWasChangedIsReportedAndWithFixRestored() {
        admin.setup(Settings.ec2(), STORE, true, new Lines());
        LifecycleRule changed = LifecycleRule.builder()
                .id("cloudist-runs-ci")
                .status(ExpirationStatus.ENABLED)
                .filter(f -> f.prefix("ci/runs/"))
                .expiration(e -> e.days(400))
                .build();
        aws.s3()
                .putBucketLifecycleConfiguration(
                        r -> r.bucket("their-bucket").lifecycleConfiguration(c -> c.rules(changed)));
        Lines lines = new Lines();

        admin.setup(Settings.ec2(), STORE, lines);

        String subject = "Lifecycle rule cloudist-runs-ci (expires s3://their-bucket/ci/runs/ after 7 days)";
        assertThat(lines.warnings())
                .containsExactly(subject + ": changed, so run data may stay longer; run setup"
                        + " again with -Dcloudist.fix=true to restore it");
        assertThat(rule().expiration().days()).isEqualTo(400);

        admin.setup(Settings.ec2(), STORE, true, lines = new Lines());

        assertThat(lines.texts()).contains(subject + ": repaired");
        assertThat(rule().expiration().days()).isEqualTo(AwsNames.RUN_DATA_DAYS);
    }

    @Test
    void aBucketSetupCreatesHasNothingToReport() {
        Lines lines = new Lines();

        admin.setup(Settings.ec2(), "s3://new-bucket/ci", lines);

        assertThat(lines.warnings()).isEmpty();
        assertThat(lines.texts()).noneMatch(l -> l.startsWith("Default encryption") || l.startsWith("Public access"));
    }

    private LifecycleRule rule() {
        return aws.s3().getBucketLifecycleConfiguration(r -> r.bucket("their-bucket")).rules().stream()
                .filter(r -> r.id().equals("cloudist-runs-ci"))
                .findFirst()
                .orElseThrow();
    }
}
