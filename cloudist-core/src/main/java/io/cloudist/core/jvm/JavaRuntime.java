package io.cloudist.core.jvm;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What a {@code java} executable is, read from its runtime image without starting it: its feature version (the
 * {@code release} file's {@code JAVA_VERSION}) and its module image, which changes with every update of the JDK.
 */
public final class JavaRuntime {
    private JavaRuntime() {}

    /** The java's home: the directory above its {@code bin}, symbolic links resolved. */
    public static Path home(Path java) {
        Path real;
        try {
            real = java.toRealPath();
        } catch (IOException e) {
            real = java.toAbsolutePath();
        }
        Path bin = real.getParent();
        return bin == null || bin.getParent() == null ? real : bin.getParent();
    }

    /**
     * The java's feature version (8, 11, 17, 21...) from {@code <home>/release}; 0 when it cannot be read, as for a
     * java older than 9 without the file or a wrapper script outside a JDK.
     */
    public static int featureVersion(Path java) {
        Path release = home(java).resolve("release");
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(release, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return 0;
        }
        return parseFeature(properties.getProperty("JAVA_VERSION", ""));
    }

    /** {@code "17.0.15"} gives 17, {@code "1.8.0_402"} gives 8, anything else 0. */
    static int parseFeature(String javaVersion) {
        String version = javaVersion.replace("\"", "").strip();
        String[] parts = version.split("[._+-]");
        try {
            int first = Integer.parseInt(parts[0]);
            return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The JDK's module image ({@code lib/modules}), or the java itself where there is none. */
    public static Path runtimeImage(Path java) {
        Path modules = home(java).resolve("lib").resolve("modules");
        return Files.isRegularFile(modules) ? modules : java;
    }
}
