package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.Directories;
import io.cloudist.its.harness.FixtureBuilds;
import io.cloudist.its.harness.ReportedOutcomes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A blob replaced in a store directory between two runs (by anyone who can write there) is not trusted by its name:
 * the second run finds that its bytes no longer hash to its key, ships it again, and passes with the right bytes. The
 * same on S3 is part of {@link CloudFixturesIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TamperedBlobIT {
    private static final Pattern SHIPPED = Pattern.compile("cloudist: shipped (\\d+) of (\\d+) blobs");

    private final FixtureBuilds builds = FixtureBuilds.fromSystemProperties();
    private Path store;
    private Path tampered;
    private BuildResult first;
    private BuildResult second;

    @BeforeAll
    void tamperBetweenTwoRuns() throws IOException {
        assumeFalse(builds.environment().cloudistIsSurefire(), "cloudist's store");
        store = builds.environment().work().resolve("tampered-store");
        // A store left by an earlier verify would make the first run ship nothing.
        Directories.deleteRecursively(store);
        Path project = builds.copy("passing", "tampered");
        first = builds.cloudist(project, Map.of(), "-Dcloudist.store=" + store);
        try (Stream<Path> blobs = Files.list(store.resolve("blobs/sha256"))) {
            tampered = blobs.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        Files.writeString(tampered, "not what the name promises", StandardCharsets.UTF_8);
        second = builds.cloudist(project, Map.of(), "-Dcloudist.store=" + store);
    }

    @Test
    void theSecondRunShipsTheReplacedBlobAgainAndPasses() throws Exception {
        assertThat(first.succeeded()).as("%s", first).isTrue();
        assertThat(shipped(first)).as("blobs the first run shipped").isPositive();
        assertThat(second.succeeded()).as("%s", second).isTrue();
        assertThat(shipped(second))
                .as("blobs the second run shipped: the replaced one")
                .isEqualTo(1);
        assertThat(sha256(tampered)).isEqualTo(tampered.getFileName().toString());
        assertThat(ReportedOutcomes.keys(second.reportedTests()))
                .isEqualTo(ReportedOutcomes.keys(first.reportedTests()));
    }

    @Test
    void everyBlobInTheStoreHashesToItsName() throws Exception {
        List<Path> blobs;
        try (Stream<Path> files = Files.list(store.resolve("blobs/sha256"))) {
            blobs = files.filter(Files::isRegularFile).toList();
        }
        assertThat(blobs).isNotEmpty();
        for (Path blob : blobs) {
            assertThat(sha256(blob)).as("%s", blob).isEqualTo(blob.getFileName().toString());
        }
    }

    private static int shipped(BuildResult build) {
        Matcher matcher = SHIPPED.matcher(build.log());
        assertThat(matcher.find()).as("%s", build).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
