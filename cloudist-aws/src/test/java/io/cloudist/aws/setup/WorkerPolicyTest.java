package io.cloudist.aws.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudist.aws.client.S3Location;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The worker role's policy for one store, statement by statement, and what it lets a worker do to which key. */
class WorkerPolicyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final S3Location STORE = S3Location.parse("s3://team-bucket/ci/cache");
    private static final String OBJECTS = "arn:aws:s3:::team-bucket/ci/cache/";

    @Test
    void readsBlobsManifestsLeasesAssignmentsAndOffersOnly() throws Exception {
        JsonNode read = statements(STORE).get(0);

        assertThat(read.get("Sid").asText()).isEqualTo("ReadBundlesRunsAndOffers");
        assertThat(read.get("Effect").asText()).isEqualTo("Allow");
        assertThat(texts(read.get("Action"))).containsExactly("s3:GetObject");
        assertThat(texts(read.get("Resource")))
                .containsExactly(
                        OBJECTS + "blobs/sha256/*",
                        OBJECTS + "runs/*/run.json",
                        OBJECTS + "runs/*/lease",
                        OBJECTS + "runs/*/w/*/in/*",
                        OBJECTS + "pool/*/offer/*");
        assertThat(read.has("Condition")).isFalse();
    }

    @Test
    void writesResultsHeartbeatsAndPoolStateOnly() throws Exception {
        JsonNode write = statements(STORE).get(1);

        assertThat(write.get("Sid").asText()).isEqualTo("WriteResultsHeartbeatsAndPoolState");
        assertThat(write.get("Effect").asText()).isEqualTo("Allow");
        assertThat(texts(write.get("Action"))).containsExactly("s3:PutObject");
        assertThat(texts(write.get("Resource")))
                .containsExactly(OBJECTS + "runs/*/w/*/out/*", OBJECTS + "runs/*/w/*/beat", OBJECTS + "pool/*/state");
        assertThat(write.has("Condition")).isFalse();
    }

    @Test
    void deletesItsLastHeartbeatAndItsPoolStateOnly() throws Exception {
        JsonNode delete = statements(STORE).get(2);

        assertThat(delete.get("Sid").asText()).isEqualTo("LeaveRunsAndThePool");
        assertThat(delete.get("Effect").asText()).isEqualTo("Allow");
        assertThat(texts(delete.get("Action"))).containsExactly("s3:DeleteObject");
        assertThat(texts(delete.get("Resource")))
                .containsExactly(OBJECTS + "runs/*/w/*/beat", OBJECTS + "pool/*/state");
    }

    @Test
    void listsTheBucketWithListingsThatNameAPrefixHeldToTheStore() throws Exception {
        JsonNode list = statements(STORE).get(3);

        assertThat(list.get("Sid").asText()).isEqualTo("ListTheStore");
        assertThat(list.get("Effect").asText()).isEqualTo("Allow");
        assertThat(texts(list.get("Action"))).containsExactly("s3:ListBucket");
        assertThat(texts(list.get("Resource"))).containsExactly("arn:aws:s3:::team-bucket");
        assertThat(list.get("Condition").fieldNames()).toIterable().containsExactly("StringLikeIfExists");
        assertThat(list.at("/Condition/StringLikeIfExists/s3:prefix").asText()).isEqualTo("ci/cache/*");
        assertThat(statements(STORE)).hasSize(4);
    }

    @Test
    void aWorkerCannotWriteBlobsManifestsAssignmentsLeasesOrTimings() throws Exception {
        JsonNode statements = statements(STORE);

        for (String key : List.of(
                "blobs/sha256/abc",
                "runs/r1/run.json",
                "runs/r1/w/i-1-0/in/0",
                "runs/r1/lease",
                "timings/io.example/app.json",
                "pool/i-1-0/offer/0")) {
            assertThat(allows(statements, "s3:PutObject", OBJECTS + key))
                    .as("write %s", key)
                    .isFalse();
            assertThat(allows(statements, "s3:DeleteObject", OBJECTS + key))
                    .as("delete %s", key)
                    .isFalse();
        }
        assertThat(allows(statements, "s3:GetObject", OBJECTS + "timings/io.example/app.json"))
                .isFalse();
        assertThat(allows(statements, "s3:GetObject", "arn:aws:s3:::team-bucket/other/blobs/sha256/abc"))
                .isFalse();
        assertThat(allows(statements, "s3:PutObject", "arn:aws:s3:::team-bucket/other/runs/r/w/w/out/0"))
                .isFalse();
    }

    @Test
    void aWorkerCanDoWhatItsAgentDoes() throws Exception {
        JsonNode statements = statements(STORE);

        for (String key : List.of(
                "blobs/sha256/abc",
                "runs/r1/run.json",
                "runs/r1/lease",
                "runs/r1/w/i-1-0/in/3",
                "pool/i-1-0/offer/0")) {
            assertThat(allows(statements, "s3:GetObject", OBJECTS + key))
                    .as("read %s", key)
                    .isTrue();
        }
        for (String key : List.of("runs/r1/w/i-1-0/out/3", "runs/r1/w/i-1-0/beat", "pool/i-1-0/state")) {
            assertThat(allows(statements, "s3:PutObject", OBJECTS + key))
                    .as("write %s", key)
                    .isTrue();
        }
        assertThat(allows(statements, "s3:DeleteObject", OBJECTS + "pool/i-1-0/state"))
                .isTrue();
        assertThat(allows(statements, "s3:DeleteObject", OBJECTS + "runs/r1/w/i-1-0/beat"))
                .isTrue();
        assertThat(allows(statements, "s3:DeleteObject", OBJECTS + "runs/r1/w/i-1-0/out/3"))
                .isFalse();
    }

    @Test
    void grantsNothingButS3() throws Exception {
        String policy = WorkerPolicy.forStore(S3Location.parse("s3://team-bucket/ci"));

        List<String> actions = new ArrayList<>();
        JSON.readTree(policy).get("Statement").forEach(s -> actions.addAll(texts(s.get("Action"))));
        assertThat(actions).allMatch(a -> a.startsWith("s3:") && !a.contains("*"));
        assertThat(policy).doesNotContain("${").doesNotContain("\"Resource\": \"*\"");
    }

    @Test
    void aStoreWithoutPrefixGetsItsKeysAtTheRootOfTheBucket() throws Exception {
        JsonNode statements = statements(S3Location.parse("s3://team-bucket"));

        assertThat(texts(statements.get(0).get("Resource")))
                .first()
                .isEqualTo("arn:aws:s3:::team-bucket/blobs/sha256/*");
        assertThat(statements
                        .get(3)
                        .at("/Condition/StringLikeIfExists/s3:prefix")
                        .asText())
                .isEqualTo("*");
    }

    @Test
    void eachStoreHasAPolicyNameOfItsOwnThatIamAccepts() {
        String name = WorkerPolicy.name(STORE);
        String other = WorkerPolicy.name(S3Location.parse("s3://team-bucket/ci.cache"));
        String longOne = WorkerPolicy.name(S3Location.parse("s3://team-bucket/" + "deep/".repeat(40) + "x"));

        assertThat(name).matches("cloudist-store-team-bucket\\.ci\\.cache-[0-9a-f]{8}");
        assertThat(other).startsWith("cloudist-store-team-bucket.ci.cache-").isNotEqualTo(name);
        assertThat(WorkerPolicy.name(S3Location.parse("s3://team-bucket/ci/cache/")))
                .isEqualTo(name);
        assertThat(longOne).hasSizeLessThanOrEqualTo(128).matches("[\\w+=,.@-]+");
    }

    @Test
    void theUserGuideQuotesThePolicySetupApplies() throws Exception {
        Path guide = Path.of(System.getProperty("basedir", ".")).resolve("../docs/aws.md");
        String policy;
        try (var in = WorkerPolicy.class.getResourceAsStream("worker-policy.json")) {
            policy = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }

        assertThat(Files.readString(guide)).contains("```json\n" + policy + "\n```");
    }

    @Test
    void workersPullImagesFromTheirRegionsRepositoryOnlyAndCanPushNothing() throws Exception {
        JsonNode statements = JSON.readTree(WorkerPolicy.forImages("eu-west-1", "123456789012"))
                .get("Statement");
        String repository = "arn:aws:ecr:eu-west-1:123456789012:repository/cloudist";

        assertThat(statements).hasSize(2);
        assertThat(texts(statements.get(0).get("Action")))
                .containsExactly("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer");
        assertThat(texts(statements.get(0).get("Resource"))).containsExactly(repository);
        assertThat(allows(statements, "ecr:BatchGetImage", repository)).isTrue();
        assertThat(allows(statements, "ecr:GetDownloadUrlForLayer", repository)).isTrue();
        assertThat(allows(statements, "ecr:BatchGetImage", "arn:aws:ecr:eu-west-1:123456789012:repository/other"))
                .isFalse();
        assertThat(allows(statements, "ecr:BatchGetImage", "arn:aws:ecr:us-east-1:123456789012:repository/cloudist"))
                .isFalse();
        assertThat(allows(statements, "ecr:BatchGetImage", "arn:aws:ecr:eu-west-1:999999999999:repository/cloudist"))
                .isFalse();
        for (String push : List.of(
                "ecr:PutImage",
                "ecr:InitiateLayerUpload",
                "ecr:UploadLayerPart",
                "ecr:CompleteLayerUpload",
                "ecr:BatchDeleteImage")) {
            assertThat(allows(statements, push, repository)).as(push).isFalse();
        }
    }

    @Test
    void theRegistrySignInIsTheOneGrantOnEveryResourceForIamCannotScopeIt() throws Exception {
        JsonNode signIn = JSON.readTree(WorkerPolicy.forImages("eu-west-1", "123456789012"))
                .get("Statement")
                .get(1);

        assertThat(texts(signIn.get("Action"))).containsExactly("ecr:GetAuthorizationToken");
        assertThat(texts(signIn.get("Resource"))).containsExactly("*");
    }

    @Test
    void theImagePolicyNamesItsPartitionAndRegion() {
        assertThat(WorkerPolicy.forImages("cn-north-1", "123456789012"))
                .contains("arn:aws-cn:ecr:cn-north-1:123456789012:repository/cloudist")
                .doesNotContain("${");
        assertThat(WorkerPolicy.imagesName("eu-west-1")).isEqualTo("cloudist-images-eu-west-1");
    }

    @Test
    void theUserGuideQuotesTheImagePolicySetupApplies() throws Exception {
        Path guide = Path.of(System.getProperty("basedir", ".")).resolve("../docs/aws.md");
        String policy;
        try (var in = WorkerPolicy.class.getResourceAsStream("worker-image-policy.json")) {
            policy = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }

        assertThat(Files.readString(guide)).contains("```json\n" + policy + "\n```");
    }

    @Test
    void trustPolicyLetsOnlyEc2AssumeTheRole() throws Exception {
        JsonNode statement =
                JSON.readTree(WorkerPolicy.trust()).get("Statement").get(0);

        assertThat(statement.at("/Principal/Service").asText()).isEqualTo("ec2.amazonaws.com");
        assertThat(statement.get("Action").asText()).isEqualTo("sts:AssumeRole");
    }

    private static JsonNode statements(S3Location store) throws Exception {
        return JSON.readTree(WorkerPolicy.forStore(store)).get("Statement");
    }

    /** Whether an Allow statement grants {@code action} on {@code resource}, with IAM's wildcards. */
    static boolean allows(JsonNode statements, String action, String resource) {
        for (JsonNode statement : statements) {
            if (statement.get("Effect").asText().equals("Allow")
                    && texts(statement.get("Action")).contains(action)
                    && texts(statement.get("Resource")).stream().anyMatch(r -> matches(r, resource))) {
                return true;
            }
        }
        return false;
    }

    /** IAM's ARN matching: {@code *} any run of characters ({@code /} too), {@code ?} one. */
    private static boolean matches(String pattern, String resource) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return resource.matches(regex.toString());
    }

    static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> texts.add(n.asText()));
        } else {
            texts.add(node.asText());
        }
        return texts;
    }
}
