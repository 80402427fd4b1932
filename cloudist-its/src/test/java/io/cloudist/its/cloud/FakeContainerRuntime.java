package io.cloudist.its.cloud;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The simulated instances' container runtime, the {@code docker} of their PATH: what a runtime does with an image,
 * without namespaces. {@code pull} reads the manifest and layers over the registry API (HTTP, by digest), checks each
 * blob against its digest, unpacks the layers in order into a root directory of the image, and keeps its
 * configuration; {@code run} starts the image's entrypoint from that root with the run's arguments, paths of the
 * image (those under a top directory the root holds) resolved into the root, and waits for it. {@code login} takes
 * the password from standard input and keeps nothing. Uses the JDK alone.
 *
 * <p>Usage: {@code FakeContainerRuntime <state dir> login|pull|run ...}; it logs what it fetched to
 * {@code <state dir>/pulls.log}: one line per pull, with the blobs and bytes it read.
 */
public final class FakeContainerRuntime {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern DIGEST = Pattern.compile("\"digest\"\\s*:\\s*\"(sha256:[0-9a-f]{64})\"");
    private static final String ACCEPT =
            "application/vnd.oci.image.manifest.v1+json," + "application/vnd.docker.distribution.manifest.v2+json";

    private FakeContainerRuntime() {}

    public static void main(String[] args) throws Exception {
        Path state = Path.of(args[0]);
        List<String> rest = List.of(args).subList(2, args.length);
        int exit = switch (args[1]) {
            case "login" -> {
                System.in.readAllBytes();
                yield 0;
            }
            case "pull" -> pull(state, rest.get(rest.size() - 1));
            case "run" -> run(state, rest);
            default -> {
                System.err.println("fake container runtime: unknown command " + args[1]);
                yield 2;
            }
        };
        System.exit(exit);
    }

    /** {@code <host>/<repository>@sha256:<hex>}: pulled by digest only, as cloudist's instances pull. */
    static int pull(Path state, String reference) throws Exception {
        int at = reference.indexOf('@');
        int slash = reference.indexOf('/');
        String host = reference.substring(0, slash);
        String repository = reference.substring(slash + 1, at);
        String digest = reference.substring(at + 1);
        String base = "http://" + host + "/v2/" + repository;
        byte[] manifest = get(base + "/manifests/" + digest, ACCEPT, digest);
        String text = new String(manifest, StandardCharsets.UTF_8);
        String layersPart = text.substring(text.indexOf("\"layers\""));
        String configDigest = first(DIGEST, text.substring(text.indexOf("\"config\"")));
        List<String> layers = new ArrayList<>();
        Matcher m = DIGEST.matcher(layersPart);
        while (m.find()) {
            layers.add(m.group(1));
        }
        Path image = state.toAbsolutePath().normalize().resolve("images").resolve(digest.replace(':', '-'));
        Path root = image.resolve("rootfs");
        Files.createDirectories(root);
        long bytes = manifest.length;
        byte[] config = get(base + "/blobs/" + configDigest, "*/*", configDigest);
        bytes += config.length;
        for (String layer : layers) {
            byte[] blob = get(base + "/blobs/" + layer, "*/*", layer);
            bytes += blob.length;
            unpack(blob, root);
        }
        Files.write(image.resolve("config.json"), config);
        Files.writeString(
                state.resolve("pulls.log"),
                reference + " blobs=" + (layers.size() + 1) + " bytes=" + bytes + "\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        return 0;
    }

    /** {@code run [--rm] [--network x] [--name x] [-v a:b]... [-e NAME]... <reference> <args>...}. */
    static int run(Path state, List<String> args) throws Exception {
        int i = 0;
        List<String> env = new ArrayList<>();
        while (args.get(i).startsWith("-")) {
            switch (args.get(i)) {
                case "--rm" -> i++;
                case "--network", "--name", "-v" -> i += 2; // volumes: the same path on both sides
                case "-e" -> {
                    env.add(args.get(i + 1));
                    i += 2;
                }
                default -> throw new IllegalArgumentException("unknown option " + args.get(i));
            }
        }
        String reference = args.get(i);
        Path image = state.toAbsolutePath()
                .normalize()
                .resolve("images")
                .resolve(reference.substring(reference.indexOf('@') + 1).replace(':', '-'));
        Path root = image.resolve("rootfs");
        String config = Files.readString(image.resolve("config.json"));
        List<String> command = new ArrayList<>(strings(config, "Entrypoint"));
        command.addAll(args.subList(i + 1, args.size()));
        List<String> imageEnv = strings(config, "Env");
        String path = imageEnv.stream()
                .filter(e -> e.startsWith("PATH="))
                .map(e -> e.substring(5))
                .findFirst()
                .orElse("/usr/bin:/bin");
        command.set(0, which(root, path, command.get(0)));
        for (int c = 1; c < command.size(); c++) {
            command.set(c, inRoot(root, command.get(c)));
        }
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        Map<String, String> environment = builder.environment();
        for (String e : imageEnv) {
            int eq = e.indexOf('=');
            environment.put(e.substring(0, eq), inRoot(root, e.substring(eq + 1)));
        }
        // A container sees the image's environment and the -e names only. The simulated instance profile's
        // credentials are environment variables of the instance (a real one's come from the metadata service, which
        // the host network reaches): they pass too.
        environment
                .keySet()
                .retainAll(Set.copyOf(concat(
                        env,
                        imageEnv.stream()
                                .map(e -> e.substring(0, e.indexOf('=')))
                                .toList(),
                        List.of("HOME", "TMPDIR", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"))));
        return builder.start().waitFor();
    }

    /** A path of the image (its first directory is one the root holds) as it is on this machine; others as they are. */
    static String inRoot(Path root, String value) {
        if (value.contains("://")) {
            return value;
        }
        List<String> parts = new ArrayList<>();
        for (String part : value.split(":", -1)) {
            if (part.startsWith("/") && part.length() > 1) {
                String top = part.substring(1).split("/")[0];
                parts.add(!top.isEmpty() && Files.exists(root.resolve(top)) ? root + part : part);
            } else {
                parts.add(part);
            }
        }
        return String.join(":", parts);
    }

    private static String which(Path root, String path, String program) {
        if (program.startsWith("/")) {
            return inRoot(root, program);
        }
        for (String dir : path.split(":")) {
            Path candidate = Path.of(inRoot(root, dir)).resolve(program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException("no " + program + " on the image's PATH " + path);
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        all.addAll(c);
        return all;
    }

    /** The strings of {@code "key": [..]} in the image's configuration, read by hand (JSON escapes included). */
    static List<String> strings(String json, String key) {
        List<String> values = new ArrayList<>();
        int at = json.indexOf("\"" + key + "\"");
        if (at < 0) {
            return values;
        }
        int i = json.indexOf('[', at) + 1;
        while (i > 0 && i < json.length() && json.charAt(i) != ']') {
            char c = json.charAt(i);
            if (c != '"') {
                i++;
                continue;
            }
            StringBuilder value = new StringBuilder();
            for (i++; json.charAt(i) != '"'; i++) {
                char d = json.charAt(i);
                if (d == '\\') {
                    char e = json.charAt(++i);
                    if (e == 'u') {
                        value.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        value.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
                    }
                } else {
                    value.append(d);
                }
            }
            values.add(value.toString());
            i++;
        }
        return values;
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no digest in " + text);
        }
        return m.group(1);
    }

    private static byte[] get(String uri, String accept, String digest) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(uri)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode());
        }
        String actual = "sha256:"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(response.body()));
        if (!actual.equals(digest)) {
            throw new IOException("GET " + uri + " returned bytes of " + actual);
        }
        return response.body();
    }

    /** Unpacks a gzipped tar layer (ustar, GNU long names) into {@code root}, with its files' modes. */
    private static void unpack(byte[] gzipped, Path into) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            byte[] header = new byte[512];
            String longName = null;
            while (in.readNBytes(header, 0, 512) == 512) {
                String name = field(header, 0, 100);
                if (name.isEmpty()) {
                    break;
                }
                String prefix = field(header, 345, 155);
                long size = octal(field(header, 124, 12));
                int mode = (int) octal(field(header, 100, 8));
                char type = (char) header[156];
                byte[] data = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                if (type == 'L') {
                    longName = new String(data, StandardCharsets.UTF_8).replace("\0", "");
                    continue;
                }
                if (type == 'x' || type == 'g') { // PAX records, "<length> <key>=<value>\n": the next entry's path
                    for (String record : new String(data, StandardCharsets.UTF_8).split("\n")) {
                        int space = record.indexOf(' ');
                        if (type == 'x' && space > 0 && record.startsWith("path=", space + 1)) {
                            longName = record.substring(space + 6);
                        }
                    }
                    continue;
                }
                String full = longName != null ? longName : prefix.isEmpty() ? name : prefix + "/" + name;
                longName = null;
                Path target = root.resolve(full.replaceFirst("^/+", "")).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("layer entry outside the root: " + full);
                }
                if (type == '5') {
                    Files.createDirectories(target);
                } else if (type == '0' || type == 0) {
                    Files.createDirectories(target.getParent());
                    Path tmp = target.resolveSibling(target.getFileName() + ".part");
                    Files.write(tmp, data);
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(target, permissions(mode));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = java.util.EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] all = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE, high bit first
        for (int bit = 0; bit < 9; bit++) {
            if ((mode & (1 << (8 - bit))) != 0) {
                set.add(all[bit]);
            }
        }
        return set;
    }

    private static long octal(String field) {
        String digits = field.trim();
        return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }
}
