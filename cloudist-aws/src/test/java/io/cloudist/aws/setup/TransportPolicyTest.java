package io.cloudist.aws.setup;

import static io.cloudist.aws.setup.WorkerPolicyTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudist.aws.client.AwsClients;
import io.cloudist.aws.client.AwsErrors;
import io.cloudist.aws.client.MotoExtension;
import io.cloudist.aws.client.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The bucket policy statement that refuses requests without TLS, put on moto's S3, which keeps bucket policies. moto
 * does not evaluate {@code aws:SecureTransport}: it applies such a Deny to every object request, so no object is
 * written to these buckets, and setup leaves the statement out when its S3 endpoint is reached without TLS, as the
 * other tests' is.
 */
@ExtendWith(MotoExtension.class)
class TransportPolicyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "123456789012";

    private AwsClients aws;

    @BeforeEach
    void bucket() {
        aws = new AwsClients(Settings.ec2());
        aws.s3()
                .createBucket(r -> r.bucket("team-bucket")
                        .createBucketConfiguration(c -> c.locationConstraint(MotoExtension.REGION)));
    }

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void theStatementDeniesEveryRequestWithoutTls() throws Exception {
        Finding finding = TransportPolicy.ensure(aws.s3(), "team-bucket", ACCOUNT, "");

        assertThat(finding)
                .isEqualTo(Finding.of(
                        "Bucket policy statement cloudist-deny-insecure-transport (refuses" + " requests without TLS)",
                        "created"));
        assertThat(finding.text()).endsWith("(refuses requests without TLS): created");
        JsonNode statements = policy().get("Statement");
        assertThat(statements).hasSize(1);
        JsonNode statement = statements.get(0);
        assertThat(statement.get("Sid").asText()).isEqualTo("cloudist-deny-insecure-transport");
        assertThat(statement.get("Effect").asText()).isEqualTo("Deny");
        assertThat(statement.get("Principal").asText()).isEqualTo("*");
        assertThat(texts(statement.get("Action"))).containsExactly("s3:*");
        assertThat(texts(statement.get("Resource")))
                .containsExactly("arn:aws:s3:::team-bucket", "arn:aws:s3:::team-bucket/*");
        assertThat(statement.get("Condition").toString()).isEqualTo("{\"Bool\":{\"aws:SecureTransport\":\"false\"}}");
    }

    @Test
    void otherStatementsOfTheBucketsPolicyAreKeptAndASecondRunFindsIt() throws Exception {
        String theirs = "{\"Sid\":\"TheirAuditRole\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::123456789012:role/audit\"},\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::team-bucket/*\"}";
        aws.s3()
                .putBucketPolicy(r ->
                        r.bucket("team-bucket").policy("{\"Version\":\"2012-10-17\",\"Statement\":[" + theirs + "]}"));

        assertThat(TransportPolicy.ensure(aws.s3(), "team-bucket", ACCOUNT, "").text())
                .endsWith(": created");
        assertThat(TransportPolicy.ensure(aws.s3(), "team-bucket", ACCOUNT, "").text())
                .endsWith(": found");

        JsonNode statements = policy().get("Statement");
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0)).isEqualTo(JSON.readTree(theirs));
        assertThat(statements.get(1).get("Sid").asText()).isEqualTo("cloudist-deny-insecure-transport");
    }

    @Test
    void aChangedStatementIsPutBack() throws Exception {
        TransportPolicy.ensure(aws.s3(), "team-bucket", ACCOUNT, "");
        String changed =
                policy().toString().replace("\"aws:SecureTransport\":\"false\"", "\"aws:SecureTransport\":\"maybe\"");
        aws.s3().putBucketPolicy(r -> r.bucket("team-bucket").policy(changed));

        assertThat(TransportPolicy.ensure(aws.s3(), "team-bucket", ACCOUNT, "").text())
                .endsWith(": updated");
        assertThat(policy().get("Statement")).hasSize(1);
        assertThat(policy().at("/Statement/0/Condition/Bool/aws:SecureTransport")
                        .asText())
                .isEqualTo("false");
    }

    @Test
    void anEndpointWithoutTlsGetsNoStatementThatWouldLockCloudistOut() {
        Finding finding = TransportPolicy.ensure(aws.s3(), "team-bucket", ACCOUNT, "http://127.0.0.1:9000");

        assertThat(finding.text())
                .endsWith(": skipped: the S3 endpoint http://127.0.0.1:9000 is reached without"
                        + " TLS, and the statement would refuse cloudist's own requests");
        assertThat(finding.weak()).isFalse();
        try {
            aws.s3().getBucketPolicy(r -> r.bucket("team-bucket"));
            throw new AssertionError("the bucket got a policy");
        } catch (S3Exception e) {
            assertThat(AwsErrors.code(e)).isEqualTo("NoSuchBucketPolicy");
        }
    }

    private JsonNode policy() throws Exception {
        return JSON.readTree(
                aws.s3().getBucketPolicy(r -> r.bucket("team-bucket")).policy());
    }
}
