package io.cloudist.aws.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one repository of a registry over the registry API, anonymously: manifests whole, blobs as streams that the
 * caller may close early. Answers a registry's bearer challenge ({@code WWW-Authenticate: Bearer realm=..}) with an
 * anonymous pull token, as public registries (ECR Public, Docker Hub) ask; follows a blob's redirect (to a storage
 * service) without the registry's credentials.
 */
final class RegistryReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern CHALLENGE_PART = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** A manifest's bytes and its digest ({@code sha256:} of the bytes, as the registry names it). */
    record Manifest(JsonNode json, String digest) {}

    private final String registry;
    private final String repository;
    private final boolean allowPlainHttp;
    private String scheme = "https";
    private String authorization;

    /**
     * @param allowPlainHttp whether to fall back to HTTP when the registry does not speak HTTPS (as Jib does when
     *     insecure registries are allowed)
     */
    RegistryReader(String registry, String repository, boolean allowPlainHttp) {
        this.registry = registry;
        this.repository = repository;
        this.allowPlainHttp = allowPlainHttp;
    }

    /**
     * The manifest (or index) of a tag or digest. One asked for by digest must hash to it: a registry's answer is not
     * trusted by name.
     */
    Manifest manifest(String reference) throws IOException, InterruptedException {
        boolean byDigest = reference.startsWith("sha256:");
        if (byDigest) {
            checked(reference);
        } else if (!TAG.matcher(reference).matches()) {
            throw new IOException("not a tag or digest: " + reference);
        }
        HttpResponse<InputStream> response =
                get("/v2/" + repository + "/manifests/" + reference, RegistryLookup.MANIFEST_TYPES);
        byte[] bytes;
        try (InputStream body = response.body()) {
            bytes = body.readAllBytes();
        }
        String digest = "sha256:" + sha256(bytes);
        if (byDigest && !digest.equals(reference)) {
            throw new IOException("the registry " + registry + " answered " + reference + " with a manifest whose"
                    + " bytes hash to " + digest);
        }
        return new Manifest(JSON.readTree(bytes), digest);
    }

    /** A JSON blob, such as an image's configuration, read whole and checked against its digest. */
    JsonNode json(String digest) throws IOException, InterruptedException {
        byte[] bytes;
        try (InputStream in = blob(digest)) {
            bytes = in.readAllBytes();
        }
        String actual = "sha256:" + sha256(bytes);
        if (!actual.equals(digest)) {
            throw new IOException(
                    "the registry " + registry + " answered the blob " + digest + " with bytes that hash to " + actual);
        }
        return JSON.readTree(bytes);
    }

    /**
     * A blob's bytes as they arrive; closing the stream stops the download. A stream read in part cannot be checked
     * against its digest: what it tells is only a check's answer, and what instances run is pulled by digest and
     * checked whole.
     */
    InputStream blob(String digest) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = get("/v2/" + repository + "/blobs/" + checked(digest), "*/*");
        return response.body();
    }

    /** {@code digest} when it is a SHA-256 digest, the only form that goes into a request's path. */
    static String checked(String digest) throws IOException {
        if (!DIGEST.matcher(digest).matches()) {
            throw new IOException("not a sha256 digest: " + digest);
        }
        return digest;
    }

    private HttpResponse<InputStream> get(String path, String accept) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = send(path, accept);
        if (response.statusCode() == 401 && authorization == null) {
            response.body().close();
            authorization =
                    token(response.headers().firstValue("WWW-Authenticate").orElse(""));
            response = send(path, accept);
        }
        int redirects = 0;
        while (isRedirect(response.statusCode()) && redirects++ < 5) {
            response.body().close();
            URI location = response.uri()
                    .resolve(response.headers()
                            .firstValue("Location")
                            .orElseThrow(() ->
                                    new IOException("The registry " + registry + " redirected " + path + " nowhere")));
            HttpRequest.Builder request = request(location, accept);
            if (authorization != null && location.getAuthority().equals(registry)) {
                request.header("Authorization", authorization);
            }
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException(
                    "the registry " + registry + " answered " + response.statusCode() + " to GET " + path);
        }
        return response;
    }

    private HttpResponse<InputStream> send(String path, String accept) throws IOException, InterruptedException {
        try {
            return send(URI.create(scheme + "://" + registry + path), accept);
        } catch (IOException e) {
            if (!allowPlainHttp || scheme.equals("http")) {
                throw e;
            }
            scheme = "http";
            return send(URI.create(scheme + "://" + registry + path), accept);
        }
    }

    private HttpResponse<InputStream> send(URI uri, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(uri, accept);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private static HttpRequest.Builder request(URI uri, String accept) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).header("Accept", accept);
    }

    /** An anonymous pull token for this repository, from the realm the registry's challenge names. */
    private String token(String challenge) throws IOException, InterruptedException {
        if (!challenge.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new IOException("the registry " + registry + " asks for credentials (" + challenge + ")");
        }
        Map<String, String> parts = new LinkedHashMap<>();
        Matcher matcher = CHALLENGE_PART.matcher(challenge);
        while (matcher.find()) {
            parts.put(matcher.group(1), matcher.group(2));
        }
        String realm = parts.remove("realm");
        if (realm == null) {
            throw new IOException("the registry " + registry + " names no token realm (" + challenge + ")");
        }
        parts.put("scope", "repository:" + repository + ":pull");
        StringBuilder uri = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?');
        parts.forEach((k, v) -> uri.append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                .append('&'));
        uri.setLength(uri.length() - 1);
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(uri.toString()))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the token service of " + registry + " answered " + response.statusCode());
        }
        JsonNode token = JSON.readTree(response.body());
        String value = token.path("token").asText(token.path("access_token").asText(""));
        if (value.isEmpty()) {
            throw new IOException("the token service of " + registry + " gave no token");
        }
        return "Bearer " + value;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
}
