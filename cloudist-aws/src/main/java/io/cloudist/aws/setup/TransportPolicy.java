package io.cloudist.aws.setup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudist.aws.client.AwsErrors;
import io.cloudist.core.CloudistException;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The bucket policy statement {@value #SID}: every request to the bucket that does not come over TLS
 * ({@code aws:SecureTransport} false) is denied, whoever sends it. Setup adds it to the bucket's policy, keeping
 * every other statement there.
 */
final class TransportPolicy {
    static final String SID = "cloudist-deny-insecure-transport";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TransportPolicy() {}

    /** The statement for {@code bucket}. */
    static ObjectNode statement(String bucket) {
        ObjectNode statement = JSON.createObjectNode();
        statement.put("Sid", SID);
        statement.put("Effect", "Deny");
        statement.put("Principal", "*");
        statement.put("Action", "s3:*");
        statement.putArray("Resource").add("arn:aws:s3:::" + bucket).add("arn:aws:s3:::" + bucket + "/*");
        statement.putObject("Condition").putObject("Bool").put("aws:SecureTransport", "false");
        return statement;
    }

    /**
     * Adds the statement to the bucket's policy unless it is there: "created", "updated" or "found"; skipped when the
     * S3 endpoint in use is reached without TLS, where the statement would refuse cloudist's own requests.
     *
     * @param endpoint the S3 endpoint that replaces AWS's, "" for none
     */
    static Finding ensure(S3Client s3, String bucket, String account, String endpoint) {
        String subject = "Bucket policy statement " + SID + " (refuses requests without TLS)";
        if (endpoint.startsWith("http://")) {
            return Finding.of(
                    subject,
                    "skipped: the S3 endpoint " + endpoint + " is reached without TLS, and the"
                            + " statement would refuse cloudist's own requests");
        }
        Optional<String> current;
        try {
            current = current(s3, bucket, account);
        } catch (S3Exception e) {
            return Finding.of(subject, BucketSetup.UNSUPPORTED);
        }
        ObjectNode policy = current.map(TransportPolicy::parse).orElseGet(() -> {
            ObjectNode fresh = JSON.createObjectNode();
            fresh.put("Version", "2012-10-17");
            fresh.putArray("Statement");
            return fresh;
        });
        ObjectNode wanted = statement(bucket);
        ArrayNode statements = policy.withArray("Statement");
        boolean had = false;
        for (int i = statements.size() - 1; i >= 0; i--) {
            JsonNode statement = statements.get(i);
            if (statement.equals(wanted)) {
                return Finding.of(subject, "found");
            }
            if (SID.equals(statement.path("Sid").asText())) {
                statements.remove(i);
                had = true;
            }
        }
        statements.add(wanted);
        AwsErrors.call(
                "s3:PutBucketPolicy",
                () -> s3.putBucketPolicy(
                        r -> r.bucket(bucket).expectedBucketOwner(account).policy(policy.toString())));
        return Finding.of(subject, had ? "updated" : "created");
    }

    /** The bucket's policy, if it has one; an S3Exception when the server has no bucket policies. */
    private static Optional<String> current(S3Client s3, String bucket, String account) {
        try {
            return Optional.of(s3.getBucketPolicy(r -> r.bucket(bucket).expectedBucketOwner(account))
                    .policy());
        } catch (S3Exception e) {
            if ("NoSuchBucketPolicy".equals(AwsErrors.code(e))) {
                return Optional.empty();
            }
            if (BucketSetup.NOT_IMPLEMENTED.equals(AwsErrors.code(e))) {
                throw e;
            }
            throw AwsErrors.translate("s3:GetBucketPolicy", e);
        } catch (SdkException e) {
            throw AwsErrors.translate("s3:GetBucketPolicy", e);
        }
    }

    private static ObjectNode parse(String policy) {
        try {
            JsonNode tree = JSON.readTree(policy);
            if (tree instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new CloudistException("The bucket policy is not a JSON object; cloudist adds its statement " + SID
                + " to a policy it can read: fix or remove the policy (aws s3api get-bucket-policy)");
    }
}
