package io.cloudist.aws.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs the tests of a class against a real {@code moto_server} on 127.0.0.1 (one process for the whole test JVM,
 * started on first use and killed when the JVM's tests end), with its state reset before each test.
 *
 * <p>Clients under test find moto through the AWS SDK's own system properties, set for the class and restored
 * after it: {@code aws.endpointUrl} (every service), {@code aws.accessKeyId} / {@code aws.secretAccessKey} (dummy
 * credentials) and {@code aws.region}. Tests may take a {@link Moto} parameter for the endpoint.
 */
public final class MotoExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {
    /** The region tests run in. */
    public static final String REGION = "eu-west-1";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MotoExtension.class);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The running moto server. */
    public record Moto(URI endpoint) {}

    @Override
    public void beforeAll(ExtensionContext context) {
        Server server = server(context);
        Map<String, String> saved = new LinkedHashMap<>();
        Map<String, String> properties = Map.of(
                "aws.endpointUrl",
                server.moto.endpoint().toString(),
                "aws.accessKeyId",
                "testing",
                "aws.secretAccessKey",
                "testing",
                "aws.region",
                REGION);
        properties.forEach((key, value) -> {
            saved.put(key, System.getProperty(key));
            System.setProperty(key, value);
        });
        context.getStore(NAMESPACE).put("saved", saved);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterAll(ExtensionContext context) {
        Map<String, String> saved = context.getStore(NAMESPACE).remove("saved", Map.class);
        if (saved != null) {
            saved.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        URI reset = server(context).moto.endpoint().resolve("/moto-api/reset");
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(reset)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("moto reset answered " + response.statusCode() + ": " + response.body());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Moto.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context).moto;
    }

    private static Server server(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(Server.class, k -> Server.start(), Server.class);
    }

    /** The moto_server process, killed when the root context closes (or, started by a test, when it closes it). */
    public static final class Server implements AutoCloseable {
        private final Process process;
        private final Moto moto;

        private Server(Process process, Moto moto) {
            this.process = process;
            this.moto = moto;
        }

        public static Server start() {
            return start(Map.of());
        }

        /** A server whose process also gets {@code environment}, e.g. moto's own settings. */
        public static Server start(Map<String, String> environment) {
            try {
                int port = freePort();
                return start(
                        port, Files.createDirectories(Path.of("target")).resolve("moto-" + port + ".log"), environment);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start moto_server (is moto installed?): " + e.getMessage(), e);
            }
        }

        /** A server whose output goes to {@code log}, e.g. for a harness that keeps each run's files together. */
        public static Server start(Path log) {
            try {
                return start(freePort(), log, Map.of());
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start moto_server (is moto installed?): " + e.getMessage(), e);
            }
        }

        private static Server start(int port, Path log, Map<String, String> environment) {
            try {
                ProcessBuilder builder =
                        new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(port));
                builder.environment().putAll(environment);
                Process process = builder.redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                Server server = new Server(process, new Moto(URI.create("http://127.0.0.1:" + port)));
                server.awaitReady(log);
                return server;
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start moto_server (is moto installed?): " + e.getMessage(), e);
            }
        }

        private void awaitReady(Path log) {
            Instant deadline = Instant.now().plusSeconds(60);
            URI probe = moto.endpoint().resolve("/moto-api/data.json");
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("moto_server exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    HttpResponse<Void> response = HTTP.send(
                            HttpRequest.newBuilder(probe)
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                sleep();
            }
            close();
            throw new IllegalStateException("moto_server did not answer on " + moto.endpoint() + "; see " + log);
        }

        public URI endpoint() {
            return moto.endpoint();
        }

        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }

        private static void sleep() {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
