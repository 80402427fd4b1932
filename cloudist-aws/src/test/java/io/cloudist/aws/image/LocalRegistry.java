package io.cloudist.aws.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Docker Distribution registry ({@code docker-registry serve}, Debian's package) on 127.0.0.1, with its
 * configuration and storage in a directory of its own; tests read what it holds both over the registry API and from
 * its storage, which keeps one file per blob.
 */
public final class LocalRegistry implements AutoCloseable {
    /** The registry's binary, as Debian installs it. */
    public static final String BINARY = "/usr/bin/docker-registry";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path storage;
    private final String host;

    private LocalRegistry(Process process, Path storage, String host) {
        this.process = process;
        this.storage = storage;
        this.host = host;
    }

    /** Starts a registry whose files live under {@code directory}. */
    public static LocalRegistry start(Path directory) throws IOException {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new IllegalStateException(
                    BINARY + " is missing: apt-get install docker-registry (.ci/run installs it)");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path storage = Files.createDirectories(directory.resolve("storage"));
        Path config = directory.resolve("config.yml");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "version: 0.1",
                        "log:",
                        "  level: warn",
                        "storage:",
                        "  filesystem:",
                        "    rootdirectory: " + storage.toAbsolutePath(),
                        "http:",
                        "  addr: 127.0.0.1:" + port,
                        "  secret: cloudist-tests-only",
                        ""));
        Process process = new ProcessBuilder(BINARY, "serve", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("registry.log").toFile())
                .start();
        LocalRegistry registry = new LocalRegistry(process, storage, "127.0.0.1:" + port);
        registry.awaitReady(directory.resolve("registry.log"));
        return registry;
    }

    /** {@code 127.0.0.1:<port>}. */
    public String host() {
        return host;
    }

    /** A repository of this registry, which asks for no credentials. */
    public ImageTarget repository(String name) {
        return ImageTarget.anonymous(host, name, true);
    }

    /** The digests of every blob the registry stores, of any repository. */
    public Set<String> blobs() throws IOException {
        Path root = storage.resolve("docker/registry/v2/blobs/sha256");
        Set<String> digests = new TreeSet<>();
        if (!Files.isDirectory(root)) {
            return digests;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.getFileName().toString().equals("data"))
                    .forEach(f -> digests.add("sha256:" + f.getParent().getFileName()));
        }
        return digests;
    }

    /** Removes a blob's bytes from the registry's storage, as a registry that lost them: a GET of it then fails. */
    public void loseBlob(String digest) throws IOException {
        String hex = digest.substring("sha256:".length());
        Files.delete(storage.resolve("docker/registry/v2/blobs/sha256")
                .resolve(hex.substring(0, 2))
                .resolve(hex)
                .resolve("data"));
    }

    /** The manifest of {@code repository:reference}, as the registry serves it. */
    public JsonNode manifest(String repository, String reference) throws IOException, InterruptedException {
        return JSON.readTree(get("/v2/" + repository + "/manifests/" + reference));
    }

    /** The layers' digests of a single-architecture image, in order. */
    public List<String> layers(String repository, String reference) throws IOException, InterruptedException {
        List<String> layers = new ArrayList<>();
        manifest(repository, reference)
                .path("layers")
                .forEach(l -> layers.add(l.path("digest").asText()));
        return layers;
    }

    /** A blob's bytes. */
    public byte[] blob(String repository, String digest) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://" + host + "/v2/" + repository + "/blobs/" + digest))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET blob " + digest + " answered " + response.statusCode());
        }
        return response.body();
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://" + host + path))
                        .header("Accept", RegistryLookup.MANIFEST_TYPES)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private void awaitReady(Path log) throws IOException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("docker-registry exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://" + host + "/v2/"))
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
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IOException("docker-registry did not answer on " + host + "; see " + log);
    }

    @Override
    public void close() {
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
}
