package io.cloudist.aws.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.aws.client.AwsClients;
import io.cloudist.aws.client.AwsNames;
import io.cloudist.aws.client.Lines;
import io.cloudist.aws.client.MotoExtension;
import io.cloudist.aws.client.S3Location;
import io.cloudist.aws.client.Settings;
import io.cloudist.core.ConfigurationException;
import io.cloudist.core.cloud.CloudSettings;
import io.cloudist.core.cloud.ImageSettings;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

@ExtendWith(MotoExtension.class)
class AwsCloudAdminTest {
    private static final String STORE = "s3://team-bucket/ci/cache";

    private final AwsCloudAdmin admin = new AwsCloudAdmin();

    @Test
    void setupCreatesBucketRolePolicyProfileAndSecurityGroup() {
        Lines lines = new Lines();
        admin.setup(Settings.ec2(), STORE, lines);

        assertThat(lines.texts())
                .contains(
                        "S3 bucket team-bucket: created",
                        "IAM role cloudist-worker: created",
                        "IAM policy " + WorkerPolicy.name(S3Location.parse(STORE))
                                + " (s3://team-bucket/ci/cache only): created",
                        "Instance profile cloudist-worker: created")
                .anyMatch(l -> l.startsWith("Lifecycle rule cloudist-runs-ci/cache") && l.endsWith(": created"))
                .anyMatch(l -> l.startsWith("Security group cloudist-workers in vpc-") && l.endsWith(": created"))
                .contains("ECR repository cloudist (scan on push, immutable tags, images expire 30 days after their"
                        + " push): created");
        try (AwsClients aws = new AwsClients(Settings.ec2())) {
            assertThat(aws.ecr().describeRepositories().repositories())
                    .extracting(r -> r.repositoryName())
                    .containsExactly(AwsNames.IMAGE_REPOSITORY);
            assertThat(aws.s3()
                            .getBucketEncryption(r -> r.bucket("team-bucket"))
                            .serverSideEncryptionConfiguration()
                            .rules()
                            .get(0)
                            .applyServerSideEncryptionByDefault()
                            .sseAlgorithm())
                    .isEqualTo(ServerSideEncryption.AES256);
            var block =
                    aws.s3().getPublicAccessBlock(r -> r.bucket("team-bucket")).publicAccessBlockConfiguration();
            assertThat(List.of(
                            block.blockPublicAcls(),
                            block.ignorePublicAcls(),
                            block.blockPublicPolicy(),
                            block.restrictPublicBuckets()))
                    .containsOnly(true);
            var rule = aws.s3()
                    .getBucketLifecycleConfiguration(r -> r.bucket("team-bucket"))
                    .rules()
                    .get(0);
            assertThat(rule.filter().prefix()).isEqualTo("ci/cache/runs/");
            assertThat(rule.expiration().days()).isEqualTo(AwsNames.RUN_DATA_DAYS);
            assertThat(aws.iam()
                            .getInstanceProfile(r -> r.instanceProfileName("cloudist-worker"))
                            .instanceProfile()
                            .roles())
                    .extracting(r -> r.roleName())
                    .containsExactly("cloudist-worker");
            assertThat(aws.iam()
                            .getRole(r -> r.roleName("cloudist-worker"))
                            .role()
                            .assumeRolePolicyDocument())
                    .contains("ec2.amazonaws.com");
            var group = aws.ec2()
                    .describeSecurityGroups(r -> r.filters(SecurityGroups.filter("group-name", "cloudist-workers")))
                    .securityGroups();
            assertThat(group).hasSize(1);
            assertThat(group.get(0).ipPermissions()).isEmpty();
        }
    }

    @Test
    void secondSetupFindsEverythingAndCreatesNothing() {
        admin.setup(Settings.ec2(), STORE, new Lines());
        Counts before = Counts.of();

        Lines lines = new Lines();
        admin.setup(Settings.ec2(), STORE, lines);

        assertThat(lines.texts())
                .filteredOn(l -> !l.startsWith("Bucket policy statement") && !l.startsWith("cloudist is set up"))
                .hasSize(10)
                .allMatch(l -> l.endsWith(": found"), "every resource found");
        assertThat(lines.texts()).noneMatch(l -> l.endsWith(": created") || l.endsWith(": updated"));
        assertThat(Counts.of()).isEqualTo(before);
    }

    @Test
    void workerPolicyInIamGrantsOnlyTheStorePrefix() {
        admin.setup(Settings.ec2(), STORE, new Lines());

        try (AwsClients aws = new AwsClients(Settings.ec2())) {
            String document = URLDecoder.decode(
                    aws.iam()
                            .getRolePolicy(r -> r.roleName("cloudist-worker")
                                    .policyName(WorkerPolicy.name(S3Location.parse(STORE))))
                            .policyDocument(),
                    StandardCharsets.UTF_8);
            assertThat(RoleSetup.sameJson(document, WorkerPolicy.forStore(S3Location.parse(STORE))))
                    .isTrue();
            assertThat(aws.iam()
                            .listRolePolicies(r -> r.roleName("cloudist-worker"))
                            .policyNames())
                    .containsExactlyInAnyOrder(
                            WorkerPolicy.name(S3Location.parse(STORE)), WorkerPolicy.imagesName("eu-west-1"));
            String images = URLDecoder.decode(
                    aws.iam()
                            .getRolePolicy(
                                    r -> r.roleName("cloudist-worker").policyName(WorkerPolicy.imagesName("eu-west-1")))
                            .policyDocument(),
                    StandardCharsets.UTF_8);
            assertThat(RoleSetup.sameJson(images, WorkerPolicy.forImages("eu-west-1", "123456789012")))
                    .isTrue();
            assertThat(aws.iam()
                            .listAttachedRolePolicies(r -> r.roleName("cloudist-worker"))
                            .attachedPolicies())
                    .isEmpty();
        }
    }

    @Test
    void setupForAnotherStoreAddsItsPolicyAndKeepsTheFirstStoresPolicyAndLifecycleRule() {
        admin.setup(Settings.ec2(), STORE, new Lines());
        Lines lines = new Lines();

        admin.setup(Settings.ec2(), "s3://team-bucket/other", lines);

        assertThat(lines.texts())
                .contains("IAM policy " + WorkerPolicy.name(S3Location.parse("s3://team-bucket/other"))
                        + " (s3://team-bucket/other only): created");
        try (AwsClients aws = new AwsClients(Settings.ec2())) {
            assertThat(aws.iam()
                            .listRolePolicies(r -> r.roleName("cloudist-worker"))
                            .policyNames())
                    .containsExactlyInAnyOrder(
                            WorkerPolicy.name(S3Location.parse(STORE)),
                            WorkerPolicy.name(S3Location.parse("s3://team-bucket/other")),
                            WorkerPolicy.imagesName("eu-west-1"));
        }
        try (AwsClients aws = new AwsClients(Settings.ec2())) {
            assertThat(aws.s3()
                            .getBucketLifecycleConfiguration(r -> r.bucket("team-bucket"))
                            .rules())
                    .extracting(r -> r.id())
                    .containsExactlyInAnyOrder("cloudist-runs-ci/cache", "cloudist-runs-other");
        }
    }

    @Test
    void setupWithoutStoreNamesTheBucketAfterAccountAndRegion() {
        Lines lines = new Lines();
        admin.setup(Settings.ec2(), "", lines);

        assertThat(lines.texts())
                .contains("S3 bucket cloudist-123456789012-eu-west-1: created")
                .last()
                .asString()
                .contains("-Dcloudist.store=s3://cloudist-123456789012-eu-west-1");
    }

    @Test
    void setupRejectsAStoreThatIsNotS3() {
        assertThatThrownBy(() -> admin.setup(Settings.ec2(), "target/store", new Lines()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cloudist.store")
                .hasMessageContaining("s3://");
    }

    @Test
    void anUnknownRegionIsAConfigurationError() {
        CloudSettings settings = new CloudSettings("ec2", "eu-westt-1", "", 1, 1, List.of(), 0, false, "", 10, 12, 17);

        assertThatThrownBy(() -> admin.setup(settings, STORE, new Lines()))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo("cloudist.region"))
                .hasMessageContaining("eu-westt-1");
    }

    @Test
    void cleanupTerminatesTaggedInstancesOnly() {
        try (AwsClients aws = new AwsClients(Settings.ec2())) {
            List<String> tagged = launch(aws, 2, true);
            List<String> untagged = launch(aws, 1, false);
            Lines lines = new Lines();

            admin.cleanup(Settings.ec2(), STORE, false, lines);

            assertThat(lines.texts())
                    .singleElement()
                    .asString()
                    .startsWith("Terminated 2 cloudist instances in eu-west-1");
            assertThat(states(aws, tagged)).containsOnly(InstanceStateName.TERMINATED);
            assertThat(states(aws, untagged)).containsOnly(InstanceStateName.RUNNING);
        }
    }

    @Test
    void cleanupWithRunDataDeletesRunsAndKeepsBlobs() {
        admin.setup(Settings.ec2(), STORE, new Lines());
        try (AwsClients aws = new AwsClients(Settings.ec2())) {
            for (String key :
                    List.of("ci/cache/runs/r1/run.json", "ci/cache/runs/r2/w/1/beat", "ci/cache/blobs/sha256/ab")) {
                aws.s3().putObject(r -> r.bucket("team-bucket").key(key), RequestBody.fromString("x"));
            }
            Lines lines = new Lines();

            admin.cleanup(Settings.ec2(), STORE, true, lines);

            assertThat(lines.texts())
                    .containsExactly(
                            "No cloudist instances to terminate in eu-west-1",
                            "Deleted 2 objects under s3://team-bucket/ci/cache/runs/");
            assertThat(aws.s3().listObjectsV2(r -> r.bucket("team-bucket")).contents())
                    .extracting(S3Object::key)
                    .containsExactly("ci/cache/blobs/sha256/ab");
        }
    }

    @Test
    void cleanupDeletesTheImageRepositoryOnlyWhenAskedTo() {
        admin.setup(Settings.ec2(), STORE, new Lines());
        CloudSettings deleteImages = Settings.ec2().withImage(new ImageSettings(true, "", 30, true));
        try (AwsClients aws = new AwsClients(Settings.ec2())) {
            admin.cleanup(Settings.ec2(), STORE, true, new Lines());
            assertThat(aws.ecr().describeRepositories().repositories()).hasSize(1);
            Lines lines = new Lines();

            admin.cleanup(deleteImages, STORE, false, lines);

            assertThat(lines.texts()).contains("Deleted the ECR repository cloudist and its images in eu-west-1");
            assertThat(aws.ecr().describeRepositories().repositories()).isEmpty();
        }
    }

    @Test
    void setupWritesTheImageRetentionItIsGiven() {
        admin.setup(Settings.ec2().withImage(new ImageSettings(true, "", 9, false)), STORE, new Lines());

        try (AwsClients aws = new AwsClients(Settings.ec2())) {
            assertThat(aws.ecr()
                            .getLifecyclePolicy(r -> r.repositoryName(AwsNames.IMAGE_REPOSITORY))
                            .lifecyclePolicyText())
                    .contains("\"countNumber\":9");
        }
    }

    private static List<String> launch(AwsClients aws, int count, boolean tagged) {
        return aws
                .ec2()
                .runInstances(r -> {
                    r.imageId("ami-12345678")
                            .instanceType("t3.micro")
                            .minCount(count)
                            .maxCount(count);
                    if (tagged) {
                        r.tagSpecifications(TagSpecification.builder()
                                .resourceType(ResourceType.INSTANCE)
                                .tags(Tag.builder()
                                        .key("cloudist")
                                        .value("true")
                                        .build())
                                .build());
                    }
                })
                .instances()
                .stream()
                .map(Instance::instanceId)
                .toList();
    }

    private static List<InstanceStateName> states(AwsClients aws, List<String> ids) {
        return aws.ec2().describeInstances(r -> r.instanceIds(ids)).reservations().stream()
                .flatMap(r -> r.instances().stream())
                .map(i -> i.state().name())
                .toList();
    }

    /** How many of each resource kind moto holds. */
    private record Counts(int buckets, int roles, int profiles, int groups, int policies) {
        static Counts of() {
            try (AwsClients aws = new AwsClients(Settings.ec2())) {
                return new Counts(
                        aws.s3().listBuckets().buckets().size(),
                        aws.iam().listRoles().roles().size(),
                        aws.iam().listInstanceProfiles().instanceProfiles().size(),
                        aws.ec2().describeSecurityGroups().securityGroups().size(),
                        aws.iam()
                                .listRolePolicies(r -> r.roleName("cloudist-worker"))
                                .policyNames()
                                .size());
            }
        }
    }

    @Test
    void aRegionOfTheWrongFormFailsSetupAndCleanupNamingTheProperty() {
        CloudSettings europe = new CloudSettings("ec2", "Europe", "", 1, 2, List.of(), 0, false, "", 5, 12, 17);

        assertThatThrownBy(() -> admin.setup(europe, STORE, new Lines()))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo("cloudist.region"));
        assertThatThrownBy(() -> admin.cleanup(europe, STORE, true, new Lines()))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo("cloudist.region"));
    }
}
