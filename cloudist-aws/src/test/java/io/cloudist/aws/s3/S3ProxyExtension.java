package io.cloudist.aws.s3;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server (s3proxy, in memory) on 127.0.0.1 at a random port for the tests of one class, checking AWS
 * signatures against a test key. Register it on a static field with {@code @RegisterExtension}.
 *
 * <p>While the class runs, the extension sets the standard AWS system properties ({@code aws.accessKeyId},
 * {@code aws.secretAccessKey}, {@code aws.region}, {@code aws.endpointUrlS3}, {@code aws.accountId}) so that code
 * under test finds the server the way it would find S3 for a user; afterwards it restores their earlier values.
 */
public final class S3ProxyExtension implements BeforeAllCallback, AfterAllCallback {
    public static final String ACCESS_KEY = "cloudist-test-key";
    public static final String SECRET_KEY = "cloudist-test-secret";
    public static final String REGION = "us-east-1";
    /** The account the test credentials belong to, as AWS's SDK learns it from {@code aws.accountId}. */
    public static final String ACCOUNT = "123456789012";

    private final Map<String, String> saved = new HashMap<>();
    private S3Proxy proxy;
    private URI endpoint;
    private S3Client client;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                // s3proxy does not know x-amz-expected-bucket-owner, which cloudist sends on every request: without
                // this it answers 501 NotImplemented. It does not check the owner either.
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        client = S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.of(REGION))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
        awsProperties().forEach(this::setProperty);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        saved.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
        saved.clear();
        if (client != null) {
            client.close();
        }
        if (proxy != null) {
            proxy.stop();
        }
    }

    /** The server's base URI, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return endpoint;
    }

    /** The AWS system properties that point the SDK's default chains at this server. */
    public Map<String, String> awsProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("aws.accessKeyId", ACCESS_KEY);
        properties.put("aws.secretAccessKey", SECRET_KEY);
        properties.put("aws.region", REGION);
        properties.put("aws.endpointUrlS3", endpoint.toString());
        properties.put("aws.accountId", ACCOUNT);
        return properties;
    }

    /** Sets a system property until the class ends, when its earlier value comes back. */
    public void setProperty(String key, String value) {
        // Not putIfAbsent: it would replace a saved null (a property that was unset) with the first value set.
        if (!saved.containsKey(key)) {
            saved.put(key, System.getProperty(key));
        }
        System.setProperty(key, value);
    }

    /** Clears a system property until the class ends, when its earlier value comes back. */
    public void clearProperty(String key) {
        if (!saved.containsKey(key)) {
            saved.put(key, System.getProperty(key));
        }
        System.clearProperty(key);
    }

    /** Creates a new, empty bucket and returns its name. */
    public String createBucket() {
        String bucket = "cloudist-" + UUID.randomUUID().toString().substring(0, 13);
        client.createBucket(r -> r.bucket(bucket));
        return bucket;
    }

    /** A client of the server with the test credentials, to look behind a store's back. */
    public S3Client client() {
        return client;
    }
}
