package io.cloudist.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which JUnit artifacts a project's test classpath lacks for cloudist to run it, as Surefire's JUnit Platform
 * provider would: the launcher matching the project's platform, the Jupiter engine when only its API is declared,
 * and the Vintage engine for a plain JUnit 4 project.
 */
final class JUnitPlatformArtifacts {
    /** Vintage engine used for plain JUnit 4 projects. */
    static final String VINTAGE_VERSION = "5.14.1";

    /** Platform version used with {@link #VINTAGE_VERSION}. */
    static final String PLATFORM_VERSION = "1.14.1";

    private static final String PLATFORM = "org.junit.platform";
    private static final String LAUNCHER = PLATFORM + ":junit-platform-launcher";
    private static final String ENGINE = PLATFORM + ":junit-platform-engine";
    private static final String COMMONS = PLATFORM + ":junit-platform-commons";
    private static final String JUPITER_API = "org.junit.jupiter:junit-jupiter-api";
    private static final String JUPITER_ENGINE = "org.junit.jupiter:junit-jupiter-engine";
    private static final String JUNIT4 = "junit:junit";

    private JUnitPlatformArtifacts() {}

    /** True when the project has JUnit 4 or any JUnit Platform artifact: something cloudist can run. */
    static boolean hasJUnit(List<ArtifactFile> artifacts) {
        return artifacts.stream()
                .anyMatch(a -> a.key().equals(JUNIT4)
                        || a.key().equals(JUPITER_API)
                        || a.groupId().equals(PLATFORM));
    }

    /** {@code groupId:artifactId:version} of each artifact to add; empty when nothing is missing. */
    static List<String> missing(List<ArtifactFile> artifacts) {
        Map<String, String> versions =
                artifacts.stream().collect(Collectors.toMap(ArtifactFile::key, ArtifactFile::version, (a, b) -> a));
        List<String> missing = new ArrayList<>();
        if (versions.containsKey(ENGINE)) {
            addLauncher(missing, versions, versions.get(ENGINE));
        } else if (versions.containsKey(JUPITER_API) && versions.containsKey(COMMONS)) {
            missing.add(JUPITER_ENGINE + ":" + versions.get(JUPITER_API));
            addLauncher(missing, versions, versions.get(COMMONS));
        } else if (versions.containsKey(JUNIT4)) {
            missing.add("org.junit.vintage:junit-vintage-engine:" + VINTAGE_VERSION);
            addLauncher(missing, versions, PLATFORM_VERSION);
        }
        return List.copyOf(missing);
    }

    private static void addLauncher(List<String> missing, Map<String, String> versions, String platformVersion) {
        if (!versions.containsKey(LAUNCHER)) {
            missing.add(LAUNCHER + ":" + platformVersion);
        }
    }
}
