package io.cloudist.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java feature version of a java executable, read from the {@code release} file of its installation (the file
 * next to {@code bin/}, present in every JDK and JRE since 8) rather than by starting it.
 */
final class JavaRelease {
    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"?([^\"]*)\"?\\s*$", Pattern.MULTILINE);
    private static final Pattern FEATURE = Pattern.compile("^(?:1\\.)?(\\d+)");

    private JavaRelease() {}

    /** The feature version (8, 17, 21 …) of {@code javaExecutable}, or empty when its release file is unreadable. */
    static OptionalInt featureVersion(Path javaExecutable) {
        try {
            Path bin = javaExecutable.toRealPath().getParent();
            Path home = bin == null ? null : bin.getParent();
            return home == null ? OptionalInt.empty() : fromRelease(Files.readString(home.resolve("release")));
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    /** The feature version in the text of a {@code release} file. */
    static OptionalInt fromRelease(String release) {
        Matcher line = JAVA_VERSION.matcher(release);
        if (!line.find()) {
            return OptionalInt.empty();
        }
        Matcher feature = FEATURE.matcher(line.group(1).trim());
        return feature.find() ? OptionalInt.of(Integer.parseInt(feature.group(1))) : OptionalInt.empty();
    }
}
