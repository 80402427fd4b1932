package io.cloudist.aws.setup;

import static io.cloudist.aws.setup.WorkerPolicyTest.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudist.aws.client.AwsClients;
import io.cloudist.aws.client.AwsNames;
import io.cloudist.aws.client.Lines;
import io.cloudist.aws.client.MotoExtension;
import io.cloudist.aws.client.S3Location;
import io.cloudist.core.CloudistException;
import io.cloudist.core.cloud.CloudSettings;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyResponse;

/**
 * One worker role serves every store: each store set up gets its own inline policy, and setting up another one (in
 * another region, bucket or prefix) keeps the grants of the first. Against moto, which also checks that IAM accepts
 * each document.
 */
@ExtendWith(MotoExtension.class)
class StorePoliciesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AwsCloudAdmin admin = new AwsCloudAdmin();

    @Test
    void setupInTwoRegionsKeepsBothStoresGrants() throws Exception {
        admin.setup(in("eu-west-1"), "", new Lines());
        Lines second = new Lines();
        admin.setup(in("us-east-1"), "", second);

        S3Location ireland = S3Location.parse("s3://cloudist-123456789012-eu-west-1");
        S3Location virginia = S3Location.parse("s3://cloudist-123456789012-us-east-1");
        assertThat(second.texts())
                .contains(
                        "IAM policy " + WorkerPolicy.name(virginia) + " (" + virginia + " only): created",
                        "IAM role cloudist-worker: found");
        try (AwsClients aws = new AwsClients(in("eu-west-1"))) {
            assertThat(aws.iam()
                            .listRolePolicies(r -> r.roleName(AwsNames.ROLE))
                            .policyNames())
                    .containsExactlyInAnyOrder(
                            WorkerPolicy.name(ireland),
                            WorkerPolicy.name(virginia),
                            WorkerPolicy.imagesName("eu-west-1"),
                            WorkerPolicy.imagesName("us-east-1"));
            assertThat(document(aws, WorkerPolicy.imagesName("us-east-1")))
                    .contains("arn:aws:ecr:us-east-1:123456789012:repository/cloudist");
            for (S3Location store : List.of(ireland, virginia)) {
                JsonNode statements =
                        JSON.readTree(document(aws, WorkerPolicy.name(store))).get("Statement");
                String objects = "arn:aws:s3:::" + store.bucket() + "/";
                assertThat(statements).hasSize(4);
                assertStatement(
                        statements.get(0),
                        "s3:GetObject",
                        List.of(
                                objects + "blobs/sha256/*",
                                objects + "runs/*/run.json",
                                objects + "runs/*/lease",
                                objects + "runs/*/w/*/in/*",
                                objects + "pool/*/offer/*"));
                assertStatement(
                        statements.get(1),
                        "s3:PutObject",
                        List.of(objects + "runs/*/w/*/out/*", objects + "runs/*/w/*/beat", objects + "pool/*/state"));
                assertStatement(
                        statements.get(2),
                        "s3:DeleteObject",
                        List.of(objects + "runs/*/w/*/beat", objects + "pool/*/state"));
                assertStatement(statements.get(3), "s3:ListBucket", List.of("arn:aws:s3:::" + store.bucket()));
                assertThat(statements
                                .get(3)
                                .at("/Condition/StringLikeIfExists/s3:prefix")
                                .asText())
                        .isEqualTo("*");
            }
        }
    }

    @Test
    void setupAgainForTheFirstStoreFindsItsPolicyAndLeavesTheOtherAlone() {
        admin.setup(in("eu-west-1"), "s3://team-bucket/a", new Lines());
        admin.setup(in("eu-west-1"), "s3://team-bucket/b", new Lines());
        Lines again = new Lines();

        admin.setup(in("eu-west-1"), "s3://team-bucket/a", again);

        assertThat(again.texts())
                .contains("IAM policy " + WorkerPolicy.name(S3Location.parse("s3://team-bucket/a"))
                        + " (s3://team-bucket/a only): found");
        try (AwsClients aws = new AwsClients(in("eu-west-1"))) {
            assertThat(aws.iam()
                            .listRolePolicies(r -> r.roleName(AwsNames.ROLE))
                            .policyNames())
                    .containsExactlyInAnyOrder(
                            WorkerPolicy.name(S3Location.parse("s3://team-bucket/a")),
                            WorkerPolicy.name(S3Location.parse("s3://team-bucket/b")),
                            WorkerPolicy.imagesName("eu-west-1"));
        }
    }

    @Test
    void theSinglePolicyOfEarlierVersionsIsReplacedByItsStoresOwn() {
        admin.setup(in("eu-west-1"), "s3://team-bucket/new", new Lines());
        String legacy = """
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "StoreObjects", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
                   "Resource": "arn:aws:s3:::team-bucket/old/*"},
                  {"Sid": "StoreListing", "Effect": "Allow", "Action": "s3:ListBucket",
                   "Resource": "arn:aws:s3:::team-bucket", "Condition": {"StringLike": {"s3:prefix": "old/*"}}}]}
                """;
        try (AwsClients aws = new AwsClients(in("eu-west-1"))) {
            aws.iam()
                    .putRolePolicy(r -> r.roleName(AwsNames.ROLE)
                            .policyName("cloudist-store")
                            .policyDocument(legacy));
            Lines lines = new Lines();

            admin.setup(in("eu-west-1"), "s3://team-bucket/new", lines);

            S3Location old = S3Location.parse("s3://team-bucket/old");
            assertThat(lines.texts())
                    .contains("IAM policy cloudist-store of earlier versions (s3://team-bucket/old):" + " replaced by "
                            + WorkerPolicy.name(old));
            assertThat(aws.iam()
                            .listRolePolicies(r -> r.roleName(AwsNames.ROLE))
                            .policyNames())
                    .containsExactlyInAnyOrder(
                            WorkerPolicy.name(old),
                            WorkerPolicy.name(S3Location.parse("s3://team-bucket/new")),
                            WorkerPolicy.imagesName("eu-west-1"));
            assertThat(RoleSetup.sameJson(document(aws, WorkerPolicy.name(old)), WorkerPolicy.forStore(old)))
                    .isTrue();
        }
    }

    @Test
    void aPolicyOfThatNameThatCloudistDidNotWriteIsLeftAlone() {
        admin.setup(in("eu-west-1"), "s3://team-bucket/new", new Lines());
        String someoneElses = """
                {"Version": "2012-10-17", "Statement": [{"Sid": "Logs", "Effect": "Allow", "Action": "logs:PutLogEvents",
                 "Resource": "*"}]}
                """;
        try (AwsClients aws = new AwsClients(in("eu-west-1"))) {
            aws.iam()
                    .putRolePolicy(r -> r.roleName(AwsNames.ROLE)
                            .policyName("cloudist-store")
                            .policyDocument(someoneElses));

            admin.setup(in("eu-west-1"), "s3://team-bucket/new", new Lines());

            assertThat(RoleSetup.sameJson(document(aws, "cloudist-store"), someoneElses))
                    .isTrue();
        }
    }

    @Test
    void aRoleWithoutRoomForAnotherStoresPolicySaysWhichToRemoveAndHow() {
        IamClient full = new IamClient() {
            @Override
            public GetRolePolicyResponse getRolePolicy(Consumer<GetRolePolicyRequest.Builder> request) {
                throw NoSuchEntityException.builder().message("no policy").build();
            }

            @Override
            public PutRolePolicyResponse putRolePolicy(Consumer<PutRolePolicyRequest.Builder> request) {
                throw LimitExceededException.builder()
                        .message("Maximum policy size of 10240 bytes exceeded for role cloudist-worker")
                        .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                                .errorCode("LimitExceeded")
                                .build())
                        .build();
            }

            @Override
            public String serviceName() {
                return "iam";
            }

            @Override
            public void close() {}
        };

        assertThatThrownBy(() -> new RoleSetup(full).ensurePolicy(S3Location.parse("s3://team-bucket/ci")))
                .isExactlyInstanceOf(CloudistException.class)
                .hasMessageStartingWith(
                        "The IAM role cloudist-worker has no room for the policy of s3://team-bucket/ci:"
                                + " IAM allows 10,240 characters of inline policies per role")
                .hasMessageContaining("aws iam delete-role-policy --role-name cloudist-worker --policy-name <name>");
    }

    private static void assertStatement(JsonNode statement, String action, List<String> resources) {
        assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
        assertThat(texts(statement.get("Action"))).containsExactly(action);
        assertThat(texts(statement.get("Resource"))).containsExactlyElementsOf(resources);
    }

    private static String document(AwsClients aws, String name) {
        return URLDecoder.decode(
                aws.iam()
                        .getRolePolicy(r -> r.roleName(AwsNames.ROLE).policyName(name))
                        .policyDocument(),
                StandardCharsets.UTF_8);
    }

    private static CloudSettings in(String region) {
        return new CloudSettings("ec2", region, "", 2, 2, List.of(), 0, false, "", 10, 12, 17);
    }
}
