package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.FixtureBuilds;
import io.cloudist.its.harness.Maven;
import io.cloudist.its.harness.ReportedOutcomes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A secret passed with {@code -Dsonar.token} reaches the tests, as Surefire passes user properties to its forks, and
 * leaves no trace: not in the store, the reports, the run timeline or any file of the run, nor on the command line
 * of any process the build starts (sampled while it runs).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsIT {
    private static final String FIXTURE = "secrets";

    private final FixtureBuilds builds = FixtureBuilds.fromSystemProperties();
    private final String token = "squ_" + UUID.randomUUID().toString().replace("-", "");
    private final String shellSecret = "shell_" + UUID.randomUUID().toString().replace("-", "");
    private final Set<String> commandLines = ConcurrentHashMap.newKeySet();
    private Path project;
    private BuildResult cloudist;

    @BeforeAll
    void runWithASecret() throws Exception {
        assumeFalse(builds.environment().cloudistIsSurefire(), "Surefire puts user properties on its command line");
        project = builds.copy(FIXTURE, "cloudist");
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        Maven.RunningBuild build = builds.startCloudist(
                project,
                Map.of("FIXTURE_SHELL_SECRET", shellSecret),
                "-Dcloudist.workers=2",
                "-Dsonar.token=" + token,
                "-Dexpected.token.sha256=" + hash,
                "-Dfixture.plain=plain");
        ProcessHandle maven = build.process().toHandle();
        Thread sampler = new Thread(() -> {
            while (maven.isAlive()) {
                maven.descendants().forEach(p -> p.info().commandLine().ifPresent(commandLines::add));
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        cloudist = build.await();
        sampler.join();
    }

    @Test
    void theTestsSeeTheSecret() {
        assertThat(cloudist.succeeded()).as("%s", cloudist).isTrue();
        assertThat(ReportedOutcomes.keys(cloudist.reportedTests())).hasSize(4).allMatch(k -> k.endsWith(" PASSED"));
    }

    @Test
    void noCommandLineOfTheBuildsProcessesHoldsIt() {
        // The local workers run on the build's threads: the processes cloudist starts are test JVMs (and discovery).
        assertThat(commandLines).as("command lines sampled").anyMatch(line -> line.contains(" serve"));
        // Maven itself holds what the user typed; every process cloudist starts must not.
        assertThat(commandLines.stream()
                        .filter(line -> !line.contains("bin/mvn") && !line.contains("plexus-classworlds")))
                .as("command lines of the processes cloudist started")
                .noneMatch(line -> line.contains(token));
    }

    @Test
    void noFileTheRunLeftHoldsIt() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(project.resolve("target"))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files)
                .anyMatch(f -> f.getFileName().toString().equals("report.html"))
                .anyMatch(f -> f.toString().contains("surefire-reports"));
        for (String secret : List.of(token, shellSecret)) {
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            for (Path file : files) {
                assertThat(indexOf(Files.readAllBytes(file), bytes))
                        .as("%s in %s", secret, file)
                        .isEqualTo(-1);
            }
        }
    }

    @Test
    void whatTheRunLeavesInTargetCloudistIsTheUsersAlone() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(project.resolve("target/cloudist"))))
                .isEqualTo("rwx------");
    }

    @Test
    void theRunsDocumentsAreGoneFromTheStoreButTheBlobsStay() throws IOException {
        Path store = project.resolve("target/cloudist/store");
        assertThat(store.resolve("blobs")).isNotEmptyDirectory();
        try (Stream<Path> runs = Files.walk(store.resolve("runs"))) {
            assertThat(runs.filter(Files::isRegularFile))
                    .as("documents left under runs/")
                    .isEmpty();
        }
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
