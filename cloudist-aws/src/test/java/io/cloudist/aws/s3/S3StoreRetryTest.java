package io.cloudist.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries, against a hand-written HTTP server that answers with S3's transient errors before it succeeds. */
class S3StoreRetryTest {
    private static final List<String> PROPERTIES =
            List.of("aws.accessKeyId", "aws.secretAccessKey", "aws.region", "aws.endpointUrlS3", "aws.accountId");

    private final Map<String, String> saved = new HashMap<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            Integer status;
            synchronized (statuses) {
                status = statuses.poll();
            }
            byte[] body = status == null
                    ? "document".getBytes(StandardCharsets.UTF_8)
                    : error(status == 503 ? "SlowDown" : "InternalError");
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(status == null ? 200 : status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        for (String key : PROPERTIES) {
            saved.put(key, System.getProperty(key));
        }
        System.setProperty("aws.accessKeyId", "key");
        System.setProperty("aws.secretAccessKey", "secret");
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accountId", "123456789012");
        System.setProperty(
                "aws.endpointUrlS3", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        saved.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
        server.stop(0);
    }

    private static byte[] error(String code) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>try again</Message>"
                        + "<RequestId>1</RequestId></Error>")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void throttlingAndServerErrorsAreRetriedUntilTheRequestSucceeds() {
        statuses.addAll(List.of(503, 500, 500));
        try (S3Store store = S3Store.open("s3://bucket/ci", "", "")) {
            assertThat(store.get("runs/r/run.json"))
                    .hasValueSatisfying(v ->
                            assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo("document"));
            assertThat(requests).hasValue(4);
            assertThat(store.stats().gets()).isEqualTo(4);
        }
    }
}
