package io.cloudist.aws.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerPolicyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void grantsObjectAccessUnderThePrefixOnly() throws Exception {
        JsonNode statements = JSON.readTree(WorkerPolicy.forStore(S3Location.parse("s3://team-bucket/ci/cache")))
                .get("Statement");

        assertThat(statements).hasSize(2);
        JsonNode objects = statements.get(0);
        assertThat(objects.get("Effect").asText()).isEqualTo("Allow");
        assertThat(texts(objects.get("Action"))).containsExactlyInAnyOrder(
                "s3:GetObject", "s3:PutObject", "s3:DeleteObject");
        assertThat(objects.get("Resource").asText()).isEqualTo("arn:aws:s3:::team-bucket/ci/cache/*");
    }

    @Test
    void listsTheBucketOnlyUnderThePrefix() throws Exception {
        JsonNode listing = JSON.readTree(WorkerPolicy.forStore(S3Location.parse("s3://team-bucket/ci/cache")))
                .get("Statement")
                .get(1);

        assertThat(texts(listing.get("Action"))).containsExactly("s3:ListBucket");
        assertThat(listing.get("Resource").asText()).isEqualTo("arn:aws:s3:::team-bucket");
        assertThat(listing.at("/Condition/StringLike/s3:prefix").asText()).isEqualTo("ci/cache/*");
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
    void aStoreWithoutPrefixGetsTheWholeBucket() throws Exception {
        JsonNode statements = JSON.readTree(WorkerPolicy.forStore(S3Location.parse("s3://team-bucket"))).get("Statement");

        assertThat(statements.get(0).get("Resource").asText()).isEqualTo("arn:aws:s3:::team-bucket/*");
    }

    @Test
    void trustPolicyLetsOnlyEc2AssumeTheRole() throws Exception {
        JsonNode statement = JSON.readTree(WorkerPolicy.trust()).get("Statement").get(0);

        assertThat(statement.at("/Principal/Service").asText()).isEqualTo("ec2.amazonaws.com");
        assertThat(statement.get("Action").asText()).isEqualTo("sts:AssumeRole");
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> texts.add(n.asText()));
        } else {
            texts.add(node.asText());
        }
        return texts;
    }
}
