package io.cloudist.aws.client;

import java.util.Map;
import java.util.Properties;

/**
 * Reads the endpoint overrides the AWS SDK itself honours ({@code aws.endpointUrlS3} and {@code aws.endpointUrl}
 * system properties, {@code AWS_ENDPOINT_URL_S3} and {@code AWS_ENDPOINT_URL} environment variables), so that what
 * cloudist hands to workers (the AWS CLI's {@code --endpoint-url}) points where this JVM's S3 client points.
 */
public final class EndpointOverrides {
    private EndpointOverrides() {}

    /** The S3 endpoint this JVM's clients use instead of AWS's, or "" when there is none. */
    public static String s3() {
        return s3(System.getenv(), System.getProperties());
    }

    static String s3(Map<String, String> env, Properties properties) {
        return first(
                properties.getProperty("aws.endpointUrlS3"),
                env.get("AWS_ENDPOINT_URL_S3"),
                properties.getProperty("aws.endpointUrl"),
                env.get("AWS_ENDPOINT_URL"));
    }

    /** The ECR API endpoint this JVM's clients use instead of AWS's, or "" when there is none. */
    public static String ecr() {
        return ecr(System.getenv(), System.getProperties());
    }

    static String ecr(Map<String, String> env, Properties properties) {
        return first(
                properties.getProperty("aws.endpointUrlEcr"),
                env.get("AWS_ENDPOINT_URL_ECR"),
                properties.getProperty("aws.endpointUrl"),
                env.get("AWS_ENDPOINT_URL"));
    }

    /**
     * The container registry to push worker images to and pull them from instead of the ECR registry that {@code
     * ecr:GetAuthorizationToken} names, e.g. {@code http://127.0.0.1:5000}: the {@code cloudist.registryEndpoint}
     * system property or the {@code CLOUDIST_REGISTRY_ENDPOINT} environment variable; "" for none. (The AWS SDK's
     * own overrides reach ECR's API, not its registry.)
     */
    public static String registry() {
        return registry(System.getenv(), System.getProperties());
    }

    static String registry(Map<String, String> env, Properties properties) {
        return first(properties.getProperty("cloudist.registryEndpoint"), env.get("CLOUDIST_REGISTRY_ENDPOINT"));
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return "";
    }
}
