package io.cloudist.its.cloud;

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

/**
 * The instance metadata service of every simulated instance, on 127.0.0.1: {@code /<instanceId>/latest/...}. A
 * simulated instance gets {@code AWS_EC2_METADATA_SERVICE_ENDPOINT=http://127.0.0.1:<port>/<instanceId>} — the
 * variable the AWS SDK and CLI read — so it sees its own id. IMDSv2 only: metadata needs the session token.
 */
final class FakeImds implements AutoCloseable {
    private static final String TOKEN = "simulated-imds-token";

    private final HttpServer server;
    private final Set<String> interrupted = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> launchIndexes = new ConcurrentHashMap<>();

    FakeImds() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String endpointFor(String instanceId) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + instanceId;
    }

    /** The instance's place in its launch ({@code ami-launch-index}), which its boot script reads. */
    void launchIndex(String instanceId, int index) {
        launchIndexes.put(instanceId, index);
    }

    /** From now on the instance's metadata announces a spot interruption. */
    void interrupt(String instanceId) {
        interrupted.add(instanceId);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/", 3);
        String instanceId = parts.length > 1 ? parts[1] : "";
        String path = parts.length > 2 ? "/" + parts[2] : "/";
        if (path.equals("/latest/api/token") && exchange.getRequestMethod().equals("PUT")) {
            reply(exchange, 200, TOKEN);
        } else if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token"))) {
            reply(exchange, 401, "");
        } else if (path.equals("/latest/meta-data/instance-id")) {
            reply(exchange, 200, instanceId);
        } else if (path.equals("/latest/meta-data/ami-launch-index") && launchIndexes.containsKey(instanceId)) {
            reply(exchange, 200, String.valueOf(launchIndexes.get(instanceId)));
        } else if (path.equals("/latest/meta-data/spot/instance-action") && interrupted.contains(instanceId)) {
            reply(exchange, 200, "{\"action\":\"terminate\",\"time\":\"2026-01-01T00:00:00Z\"}");
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

    @Override
    public void close() {
        server.stop(0);
    }
}
