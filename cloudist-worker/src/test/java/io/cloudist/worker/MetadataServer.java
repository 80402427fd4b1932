package io.cloudist.worker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** An IMDSv2-only instance metadata service on 127.0.0.1 that can announce a spot interruption. */
final class MetadataServer implements AutoCloseable {
    static final String ACTION = "{\"action\":\"terminate\",\"time\":\"2026-11-22T12:02:00Z\"}";
    private static final String TOKEN = "token-1";

    private final HttpServer server;
    private final AtomicInteger tokenlessRequests = new AtomicInteger();
    private volatile boolean interrupted;

    MetadataServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void interrupt() {
        interrupted = true;
    }

    /** Metadata requests that came without a session token (IMDSv1 style), which a real instance refuses. */
    int tokenlessRequests() {
        return tokenlessRequests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/latest/api/token") && exchange.getRequestMethod().equals("PUT")
                && exchange.getRequestHeaders().containsKey("X-aws-ec2-metadata-token-ttl-seconds")) {
            reply(exchange, 200, TOKEN);
        } else if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token"))) {
            tokenlessRequests.incrementAndGet();
            reply(exchange, 401, "");
        } else if (path.equals("/latest/meta-data/spot/instance-action") && interrupted) {
            reply(exchange, 200, ACTION);
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
