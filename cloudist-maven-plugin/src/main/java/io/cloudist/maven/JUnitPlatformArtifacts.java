package io.cloudist.maven;

import io.cloudist.core.report.SurefireProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * Which provider Surefire would pick for a project's test classpath, and which JUnit artifacts cloudist adds to run
 * its tests on the JUnit Platform as that provider would: the launcher matching the project's platform, the Jupiter
 * engine when only its API is declared, and, for JUnit 4 and 3 projects, the Vintage engine (with JUnit 4.13.2 in
 * place of a JUnit older than the 4.12 that the Vintage engine needs: JUnit 4 runs JUnit 3.8 tests and suites).
 */
final class JUnitPlatformArtifacts {
    /** Vintage engine used for plain JUnit 4 and 3 projects. */
    static final String VINTAGE_VERSION = "5.14.1";

    /** Platform version used with {@link #VINTAGE_VERSION}. */
    static final String PLATFORM_VERSION = "1.14.1";

    /** The JUnit that replaces one older than the Vintage engine's minimum, and the Hamcrest it needs. */
    static final List<String> JUNIT4_FOR_VINTAGE = List.of("junit:junit:4.13.2", "org.hamcrest:hamcrest-core:1.3");

    /** Surefire's default {@code junitArtifactName}. */
    static final String JUNIT4 = "junit:junit";

    private static final String PLATFORM = "org.junit.platform";
    private static final String LAUNCHER = PLATFORM + ":junit-platform-launcher";
    private static final String ENGINE = PLATFORM + ":junit-platform-engine";
    private static final String COMMONS = PLATFORM + ":junit-platform-commons";
    private static final String JUPITER_API = "org.junit.jupiter:junit-jupiter-api";
    private static final String JUPITER_ENGINE = "org.junit.jupiter:junit-jupiter-engine";
    private static final ComparableVersion VINTAGE_MINIMUM = new ComparableVersion("4.12");
    private static final ComparableVersion JUNIT4_MINIMUM = new ComparableVersion("4.0");

    private JUnitPlatformArtifacts() {}

    /**
     * How cloudist runs a project's tests.
     *
     * @param provider the provider Surefire would choose, whose naming the reports follow
     * @param missing {@code groupId:artifactId:version} of each artifact to add; empty when nothing is missing
     * @param replaced the {@code groupId:artifactId} of the project's JUnit when it is too old for the Vintage engine
     *     and {@link #JUNIT4_FOR_VINTAGE} takes its place
     */
    record Setup(SurefireProvider provider, List<String> missing, Optional<String> replaced) {
        Setup {
            missing = List.copyOf(missing);
        }
    }

    /** True when the project has JUnit 4 or 3 or any JUnit Platform artifact: something cloudist can run. */
    static boolean hasJUnit(List<ArtifactFile> artifacts, String junitArtifactName) {
        return artifacts.stream()
                .anyMatch(a -> a.key().equals(junitArtifactName)
                        || a.key().equals(JUPITER_API)
                        || a.groupId().equals(PLATFORM));
    }

    /** {@link #hasJUnit(List, String)} for Surefire's default {@code junitArtifactName}. */
    static boolean hasJUnit(List<ArtifactFile> artifacts) {
        return hasJUnit(artifacts, JUNIT4);
    }

    /**
     * Surefire's choice, as in its provider detection: the JUnit Platform provider when the platform is on the test
     * classpath; else the JUnit 4 provider for {@code junitArtifactName} at 4.0 or later; else the JUnit 3 provider.
     *
     * @param junitArtifactName Surefire's {@code junitArtifactName}: {@code groupId:artifactId} of the project's JUnit
     */
    static Setup setup(List<ArtifactFile> artifacts, String junitArtifactName) {
        Map<String, String> versions =
                artifacts.stream().collect(Collectors.toMap(ArtifactFile::key, ArtifactFile::version, (a, b) -> a));
        List<String> missing = new ArrayList<>();
        if (versions.containsKey(ENGINE)) {
            addLauncher(missing, versions, versions.get(ENGINE));
            return new Setup(SurefireProvider.JUNIT_PLATFORM, missing, Optional.empty());
        }
        if (versions.containsKey(JUPITER_API) && versions.containsKey(COMMONS)) {
            missing.add(JUPITER_ENGINE + ":" + versions.get(JUPITER_API));
            addLauncher(missing, versions, versions.get(COMMONS));
            return new Setup(SurefireProvider.JUNIT_PLATFORM, missing, Optional.empty());
        }
        if (versions.containsKey(COMMONS)) {
            return new Setup(SurefireProvider.JUNIT_PLATFORM, missing, Optional.empty());
        }
        String junit = versions.get(junitArtifactName);
        if (junit == null) {
            return new Setup(SurefireProvider.JUNIT3, missing, Optional.empty());
        }
        ComparableVersion version = new ComparableVersion(junit);
        Optional<String> replaced = Optional.empty();
        if (version.compareTo(VINTAGE_MINIMUM) < 0) {
            missing.addAll(JUNIT4_FOR_VINTAGE);
            replaced = Optional.of(junitArtifactName);
        }
        missing.add("org.junit.vintage:junit-vintage-engine:" + VINTAGE_VERSION);
        addLauncher(missing, versions, PLATFORM_VERSION);
        SurefireProvider provider =
                version.compareTo(JUNIT4_MINIMUM) < 0 ? SurefireProvider.JUNIT3 : SurefireProvider.JUNIT4;
        return new Setup(provider, missing, replaced);
    }

    /** {@code groupId:artifactId:version} of each artifact to add, for Surefire's default {@code junitArtifactName}. */
    static List<String> missing(List<ArtifactFile> artifacts) {
        return setup(artifacts, JUNIT4).missing();
    }

    private static void addLauncher(List<String> missing, Map<String, String> versions, String platformVersion) {
        if (!versions.containsKey(LAUNCHER)) {
            missing.add(LAUNCHER + ":" + platformVersion);
        }
    }
}
