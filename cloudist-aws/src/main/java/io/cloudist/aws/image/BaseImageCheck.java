package io.cloudist.aws.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Finds the {@code java} of a base image through the registry API, without pulling the image: its manifest (of the
 * architecture asked for, when it is an index), its configuration's {@code Env}, then its layers from the top one down,
 * each streamed until the {@code java} is known ({@link JavaSearch}). The answer is kept per manifest digest, in
 * memory and in a directory, so that a machine reads a base's layers once.
 */
final class BaseImageCheck {
    private final Path results;
    private final Map<String, BaseJava> known = new HashMap<>();

    /** @param results where the answers are kept, one file per manifest digest */
    BaseImageCheck(Path results) {
        this.results = results;
    }

    /**
     * The {@code java} of {@code reference}'s image for {@code architecture} ({@code amd64}, {@code arm64}).
     *
     * @param allowPlainHttp whether the registry may speak HTTP rather than HTTPS
     * @throws IOException when the registry cannot be read or a layer is not a tar cloudist can read
     */
    synchronized BaseJava java(String reference, String architecture, boolean allowPlainHttp)
            throws IOException, InterruptedException {
        ImageReference image;
        try {
            image = ImageReference.parse(reference);
        } catch (InvalidImageReferenceException e) {
            throw new IOException("not an image reference: " + reference, e);
        }
        RegistryReader registry = new RegistryReader(image.getRegistry(), image.getRepository(), allowPlainHttp);
        RegistryReader.Manifest manifest = registry.manifest(image.getQualifier());
        if (manifest.json().has("manifests")) {
            manifest = registry.manifest(platform(manifest.json(), architecture, reference));
        }
        String digest = manifest.digest();
        BaseJava java = known.get(digest);
        if (java == null) {
            java = stored(digest);
        }
        if (java == null) {
            java = search(registry, manifest.json());
            store(digest, java);
        }
        known.put(digest, java);
        return java;
    }

    private static BaseJava search(RegistryReader registry, JsonNode manifest)
            throws IOException, InterruptedException {
        JavaSearch search = JavaSearch.of(
                registry.json(manifest.path("config").path("digest").asText()));
        List<String> layers = new ArrayList<>();
        manifest.path("layers").forEach(l -> layers.add(l.path("digest").asText()));
        Collections.reverse(layers);
        for (String layer : layers) {
            try (InputStream in = registry.blob(layer)) {
                if (search.read(in)) {
                    break;
                }
            }
        }
        return search.result();
    }

    /** The digest of an index's manifest for Linux on {@code architecture}. */
    private static String platform(JsonNode index, String architecture, String reference) throws IOException {
        for (JsonNode entry : index.path("manifests")) {
            JsonNode platform = entry.path("platform");
            if (platform.path("architecture").asText().equals(architecture)
                    && platform.path("os").asText("linux").equals("linux")) {
                return entry.path("digest").asText();
            }
        }
        throw new IOException(reference + " has no image for linux/" + architecture);
    }

    private BaseJava stored(String digest) throws IOException {
        Path file = file(digest);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return new BaseJava(
                properties.getProperty("launcher", ""),
                properties.getProperty("version", ""),
                properties.getProperty("offPath", ""));
    }

    private void store(String digest, BaseJava java) throws IOException {
        Files.createDirectories(results);
        Properties properties = new Properties();
        properties.setProperty("launcher", java.launcher());
        properties.setProperty("version", java.version());
        properties.setProperty("offPath", java.offPath());
        Path temporary = Files.createTempFile(results, "java", ".tmp");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(out, "The java of the image " + digest);
        }
        Files.move(temporary, file(digest), StandardCopyOption.REPLACE_EXISTING);
    }

    private Path file(String digest) {
        return results.resolve(digest.replace(':', '-') + ".properties");
    }
}
