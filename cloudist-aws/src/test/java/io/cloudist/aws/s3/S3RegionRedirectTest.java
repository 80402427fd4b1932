package io.cloudist.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cloudist.core.CloudistProperties;
import io.cloudist.core.ConfigurationException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bucket in another region, as S3 answers it on the wire (s3proxy ignores regions): a HEAD gets a bodiless 301
 * with {@code x-amz-bucket-region}; a request signed for the wrong region gets a 400 AuthorizationHeaderMalformed
 * whose message names the expected region. The SDK turns each into its own exception; the store names the bucket, its
 * region and the property.
 */
class S3RegionRedirectTest {
    private static final String BUCKET = "team-bucket";

    private HttpServer server;
    private final Map<String, String> saved = new HashMap<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
        set("aws.endpointUrlS3", "http://127.0.0.1:" + server.getAddress().getPort());
        set("aws.accessKeyId", "AKIATEST");
        set("aws.secretAccessKey", "secret");
        set("aws.accountId", "123456789012");
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        saved.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }

    @Test
    void aRedirectWithTheBucketsRegionNamesThatRegionAndTheProperty() {
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("x-amz-bucket-region", "eu-west-1");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });

        try (S3Store store = S3Store.open("s3://" + BUCKET + "/ci", "us-east-1", "")) {
            assertThatThrownBy(store::checkBucket)
                    .asInstanceOf(type(ConfigurationException.class))
                    .satisfies(e -> {
                        assertThat(e.parameter()).isEqualTo(CloudistProperties.REGION);
                        assertThat(e.value()).isEqualTo("us-east-1");
                        assertThat(e.fix())
                                .isEqualTo(
                                        "bucket 'team-bucket' is in region eu-west-1; set -Dcloudist.region=eu-west-1"
                                                + " (or <region>eu-west-1</region>)");
                    });
        }
    }

    @Test
    void aRequestSignedForTheWrongRegionNamesTheRegionS3Expects() {
        server.createContext("/", exchange -> {
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(400, -1);
                exchange.close();
                return;
            }
            answer(
                    exchange,
                    400,
                    "<Error><Code>AuthorizationHeaderMalformed</Code><Message>The authorization header"
                            + " is malformed; the region 'us-east-1' is wrong; expecting 'ap-south-2'</Message>"
                            + "<Region>ap-south-2</Region><RequestId>R1</RequestId></Error>");
        });

        try (S3Store store = S3Store.open("s3://" + BUCKET + "/ci", "us-east-1", "")) {
            assertThatThrownBy(store::checkBucket)
                    .asInstanceOf(type(ConfigurationException.class))
                    .satisfies(e -> assertThat(e.fix())
                            .startsWith(
                                    "bucket 'team-bucket' is in region ap-south-2; set -Dcloudist.region=ap-south-2"));
        }
    }

    private static void answer(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void set(String key, String value) {
        saved.putIfAbsent(key, System.getProperty(key));
        System.setProperty(key, value);
    }
}
