package io.cloudist.aws.image;

import io.cloudist.core.CloudistException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a worker image is made of: a base image with a JDK, the worker agent's jars, and the third-party jars of the
 * tests. Its {@link #tag()} is the SHA-256 of these inputs (the base's reference, the architecture, and each jar's
 * name and content hash), so that two builds of the same inputs name the same image and a changed input names
 * another.
 *
 * @param baseImage the base image's reference, e.g. {@code public.ecr.aws/amazoncorretto/amazoncorretto:17}
 * @param architectures the instances' architectures as EC2 names them, {@code x86_64} and/or {@code arm64}: one image
 *     of several architectures when both are candidates
 * @param workerJars the worker agent's classpath, in order
 * @param dependencyJars the tests' third-party jars; their order does not matter
 */
public record ImageInputs(
        String baseImage, List<String> architectures, List<Jar> workerJars, List<Jar> dependencyJars) {
    /** The version of the image's layout: a change of it names every image anew. */
    static final String LAYOUT = "cloudist-image-1";

    /**
     * A jar of the image.
     *
     * @param file where it is on this machine
     * @param sha256 its content hash
     */
    public record Jar(Path file, String sha256) {
        public Jar {
            Objects.requireNonNull(file, "file");
            if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("Not a SHA-256: " + sha256);
            }
        }

        /** A jar hashed from its file. */
        public static Jar of(Path file) {
            return new Jar(file, ImageInputs.sha256(file));
        }

        /** Its file name. */
        public String name() {
            return file.getFileName().toString();
        }
    }

    public ImageInputs {
        Objects.requireNonNull(baseImage, "baseImage");
        architectures = architectures.stream().distinct().sorted().toList();
        if (architectures.isEmpty()
                || architectures.stream().anyMatch(a -> !a.equals("x86_64") && !a.equals("arm64"))) {
            throw new IllegalArgumentException("Architectures must be x86_64 or arm64: " + architectures);
        }
        workerJars = List.copyOf(workerJars);
        List<Jar> sorted = new ArrayList<>(dependencyJars);
        sorted.sort(Comparator.comparing(Jar::sha256).thenComparing(Jar::name));
        dependencyJars = List.copyOf(sorted);
        if (workerJars.isEmpty()) {
            throw new IllegalArgumentException("An image needs the worker's jars");
        }
    }

    /**
     * The inputs of a run's image: the worker's jars, and the jars of the tests' classpath. Directories on the
     * classpath (the module's classes and test classes, and those of its reactor's modules) are the project's own,
     * shipped with each run: they are no input of the image, so a changed class names the same image.
     */
    public static ImageInputs of(
            String baseImage, List<String> architectures, List<Path> workerJars, List<Path> testClasspath) {
        return new ImageInputs(
                baseImage,
                architectures,
                workerJars.stream().map(Jar::of).toList(),
                testClasspath.stream()
                        .filter(Files::isRegularFile)
                        .filter(f -> f.getFileName().toString().endsWith(".jar"))
                        .distinct()
                        .map(Jar::of)
                        .toList());
    }

    /** The architectures as OCI platforms name them: {@code amd64}, {@code arm64}. */
    public List<String> platformArchitectures() {
        return architectures.stream()
                .map(a -> a.equals("x86_64") ? "amd64" : "arm64")
                .toList();
    }

    /** The image's tag: the SHA-256 of its inputs, in hex. */
    public String tag() {
        StringBuilder text = new StringBuilder(LAYOUT).append('\n');
        text.append("base ").append(baseImage).append('\n');
        architectures.forEach(a -> text.append("arch ").append(a).append('\n'));
        workerJars.forEach(jar -> text.append("worker ")
                .append(jar.sha256())
                .append(' ')
                .append(jar.name())
                .append('\n'));
        dependencyJars.forEach(jar -> text.append("dependency ")
                .append(jar.sha256())
                .append(' ')
                .append(jar.name())
                .append('\n'));
        return HexFormat.of().formatHex(digest().digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "image of %s (%s), %d worker jars, %d dependency jars",
                baseImage,
                String.join(", ", architectures),
                workerJars.size(),
                dependencyJars.size());
    }

    static String sha256(Path file) {
        MessageDigest digest = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new CloudistException("Cannot read " + file + " for the worker image: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
