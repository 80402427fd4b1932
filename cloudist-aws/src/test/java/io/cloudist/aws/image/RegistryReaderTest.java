package io.cloudist.aws.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the registry reader trusts of a registry's answers: a registry on loopback that can lie. */
class RegistryReaderTest {
    private final Map<String, byte[]> answers = new ConcurrentHashMap<>();
    private HttpServer server;
    private RegistryReader reader;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = answers.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        reader = new RegistryReader("127.0.0.1:" + server.getAddress().getPort(), "base", true);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aManifestAskedForByDigestMustHashToIt() throws Exception {
        byte[] manifest = "{\"layers\":[]}".getBytes(StandardCharsets.UTF_8);
        String digest = digest(manifest);
        answers.put("/v2/base/manifests/" + digest, manifest);
        assertThat(reader.manifest(digest).digest()).isEqualTo(digest);

        String other = digest("something else".getBytes(StandardCharsets.UTF_8));
        answers.put("/v2/base/manifests/" + other, manifest);
        assertThatThrownBy(() -> reader.manifest(other))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("hash to " + digest);
    }

    @Test
    void aManifestAskedForByTagIsNamedByTheDigestOfItsBytes() throws Exception {
        byte[] manifest = "{\"layers\":[]}".getBytes(StandardCharsets.UTF_8);
        answers.put("/v2/base/manifests/17-jdk", manifest);

        assertThat(reader.manifest("17-jdk").digest()).isEqualTo(digest(manifest));
        assertThatThrownBy(() -> reader.manifest("../../v2/other/manifests/x"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a tag or digest");
    }

    @Test
    void aConfigurationBlobMustHashToItsDigest() throws Exception {
        byte[] config = "{\"config\":{\"Env\":[\"PATH=/usr/bin\"]}}".getBytes(StandardCharsets.UTF_8);
        String digest = digest(config);
        answers.put("/v2/base/blobs/" + digest, config);
        assertThat(reader.json(digest).path("config").path("Env").get(0).asText())
                .isEqualTo("PATH=/usr/bin");

        String claimed = digest("another configuration".getBytes(StandardCharsets.UTF_8));
        answers.put("/v2/base/blobs/" + claimed, config);
        assertThatThrownBy(() -> reader.json(claimed))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("hash to " + digest);
    }

    @Test
    void onlyASha256DigestGoesIntoABlobsPath() {
        for (String bad : new String[] {"../manifests/latest", "sha256:" + "A".repeat(64), "md5:abc", ""}) {
            assertThatThrownBy(() -> reader.blob(bad)).as(bad).hasMessageContaining("not a sha256 digest");
        }
    }

    private static String digest(byte[] bytes) throws Exception {
        return "sha256:"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
