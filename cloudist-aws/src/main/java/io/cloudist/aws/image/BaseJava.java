package io.cloudist.aws.image;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code java} a base image's containers would start: the launcher its {@code PATH} finds, and the version its
 * JDK's {@code release} file names.
 *
 * @param launcher the path on the {@code PATH} that finds {@code java}, "" for none
 * @param version the {@code JAVA_VERSION} of its JDK's {@code release} file, e.g. {@code 17.0.9}; "" when unknown
 * @param offPath a {@code java} the image has under its {@code JAVA_HOME} but not on its {@code PATH}, "" for none
 */
record BaseJava(String launcher, String version, String offPath) {
    private static final Pattern FEATURE = Pattern.compile("^(?:1\\.)?(\\d+)");

    /** Whether the image has a {@code java} on its {@code PATH}. */
    boolean present() {
        return !launcher.isEmpty();
    }

    /** The version's feature number ({@code 17} of {@code 17.0.9}, {@code 8} of {@code 1.8.0_392}). */
    OptionalInt feature() {
        Matcher matcher = FEATURE.matcher(version);
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    /** Whether its feature version is at least {@code required}; unknown versions pass. */
    boolean suits(int required) {
        return present() && feature().orElse(required) >= required;
    }

    /** What was found, in words: "no java", "java 11.0.2 at /opt/java/bin/java". */
    String describe() {
        if (!present()) {
            return offPath.isEmpty() ? "no java" : "java at " + offPath + " but not on its PATH";
        }
        return (version.isEmpty() ? "java of an unknown version" : "java " + version) + " at " + launcher;
    }
}
