package io.cloudist.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The EC2 instance metadata service on 127.0.0.1, IMDSv2 only: metadata needs the session token, and the token
 * needs a TTL header. It serves one instance at {@link #endpoint()} and, for a simulated cloud, any number at
 * {@link #endpointFor(String) /<instanceId>}: give an instance {@code AWS_EC2_METADATA_SERVICE_ENDPOINT} (the
 * variable the AWS SDK and CLI read) set to its endpoint and it sees its own id. It answers {@code instance-id}, its
 * {@code ami-launch-index} once told it, and, once told to {@link #interrupt}, {@code spot/instance-action} with {@link #SPOT_ACTION}; everything else is 404.
 */
public final class FakeImds implements AutoCloseable {
    /** The body of {@code spot/instance-action} of an interrupted instance. */
    public static final String SPOT_ACTION = "{\"action\":\"terminate\",\"time\":\"2026-11-22T12:02:00Z\"}";

    private static final String TOKEN = "fake-imds-token";
    private static final String DEFAULT_INSTANCE = "";

    private final HttpServer server;
    private final Set<String> interrupted = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> launchIndexes = new ConcurrentHashMap<>();
    private final AtomicInteger tokenlessRequests = new AtomicInteger();

    /** Starts the service on a free port. */
    public FakeImds() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The endpoint of the one instance that has no id of its own. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The endpoint of instance {@code instanceId}. */
    public String endpointFor(String instanceId) {
        return endpoint() + "/" + instanceId;
    }

    /** The instance's place in its launch ({@code ami-launch-index}), which its boot script reads. */
    public void launchIndex(String instanceId, int index) {
        launchIndexes.put(instanceId, index);
    }

    /** From now on the metadata at {@link #endpoint()} announces a spot interruption. */
    public void interrupt() {
        interrupt(DEFAULT_INSTANCE);
    }

    /** From now on the instance's metadata announces a spot interruption. */
    public void interrupt(String instanceId) {
        interrupted.add(instanceId);
    }

    /** Metadata requests that came without a session token (IMDSv1 style), which a real instance refuses. */
    public int tokenlessRequests() {
        return tokenlessRequests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String full = exchange.getRequestURI().getPath();
        String instanceId = DEFAULT_INSTANCE;
        String path = full;
        if (!full.startsWith("/latest/")) {
            String[] parts = full.split("/", 3);
            instanceId = parts.length > 1 ? parts[1] : "";
            path = parts.length > 2 ? "/" + parts[2] : "/";
        }
        if (path.equals("/latest/api/token")
                && exchange.getRequestMethod().equals("PUT")
                && exchange.getRequestHeaders().containsKey("X-aws-ec2-metadata-token-ttl-seconds")) {
            reply(exchange, 200, TOKEN);
        } else if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token"))) {
            tokenlessRequests.incrementAndGet();
            reply(exchange, 401, "");
        } else if (path.equals("/latest/meta-data/instance-id") && !instanceId.equals(DEFAULT_INSTANCE)) {
            reply(exchange, 200, instanceId);
        } else if (path.equals("/latest/meta-data/ami-launch-index") && launchIndexes.containsKey(instanceId)) {
            reply(exchange, 200, String.valueOf(launchIndexes.get(instanceId)));
        } else if (path.equals("/latest/meta-data/spot/instance-action") && interrupted.contains(instanceId)) {
            reply(exchange, 200, SPOT_ACTION);
        } else {
            reply(exchange, 404, "");
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    /** Stops the service. */
    @Override
    public void close() {
        server.stop(0);
    }
}
