package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.cloudist.aws.image.JdkBaseImage;
import io.cloudist.aws.s3.S3ProxyExtension;
import io.cloudist.core.timeline.Phase;
import io.cloudist.core.timeline.RunTimeline;
import io.cloudist.core.timeline.TimelineFiles;
import io.cloudist.its.cloud.SimulatedCloud;
import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.FixtureBuilds;
import io.cloudist.its.harness.ReportedOutcomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cloud runs whose instances boot from the worker image: real {@code mvn cloudist:setup} (which makes the ECR
 * repository in moto), a cold and a warm {@code cloudist:test -Dcloudist.backend=ec2}, {@code cloudist:image} of the
 * unchanged project and {@code cloudist:cleanup},
 * the image built with Jib from a base made of this machine's JDK and pushed to a real registry on loopback, and
 * each simulated instance pulling it over the registry API and running its agents from the unpacked image. At the
 * root of the reactor fixture, {@code cloudist:image} builds the one image that the reactor's run then finds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageCloudIT {
    private static final String FIXTURE = "passing";

    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension();

    private final FixtureBuilds builds = FixtureBuilds.fromSystemProperties();
    private SimulatedCloud cloud;
    private Path instances;
    private BuildResult local;
    private BuildResult setup;
    private BuildResult cold;
    private int bootedByCold;
    private Set<String> blobsAfterCold;
    private BuildResult warm;
    private int bootedByWarm;
    private Set<String> blobsAfterWarm;
    private BuildResult imageGoal;
    private Set<String> blobsAfterImageGoal;
    private List<String> bootLogsOfPassing;
    private BuildResult reactorImage;
    private Set<String> blobsAfterReactorImage;
    private BuildResult reactorRun;
    private Set<String> blobsAfterReactorRun;
    private BuildResult cleanup;
    private long processesAfterCleanup = -1;

    @BeforeAll
    void runInTheSimulatedCloud() throws Exception {
        assumeFalse(builds.environment().cloudistIsSurefire(), "the cloud run needs cloudist itself");
        Path work = builds.environment().work().resolve("image-cloud");
        cloud = new SimulatedCloud(work, S3.endpoint());
        instances = work.resolve("instances");
        String base = JdkBaseImage.full(cloud.registry().repository("base"), work.resolve("jib"));
        Map<String, String> env = cloud.mavenEnvironment();
        String store = "-Dcloudist.store=s3://" + S3.createBucket() + "/cloudist";
        Path project = builds.copy(FIXTURE, "image-setup");
        local = builds.cloudist(builds.copy(FIXTURE, "image-local"), "-Dcloudist.workers=2");
        setup = builds.maven(project, env, "cloudist:setup", store);
        String[] ec2 = ec2(store, base);
        cold = builds.cloudist(builds.copy(FIXTURE, "image-cold"), env, ec2);
        bootedByCold = cloud.bootedInstances();
        blobsAfterCold = cloud.registry().blobs();
        warm = builds.cloudist(builds.copy(FIXTURE, "image-warm"), env, ec2);
        bootedByWarm = cloud.bootedInstances() - bootedByCold;
        blobsAfterWarm = cloud.registry().blobs();
        imageGoal = builds.maven(builds.copy(FIXTURE, "image-goal"), env, concat("cloudist:image", ec2));
        blobsAfterImageGoal = cloud.registry().blobs();
        bootLogsOfPassing = bootLogs();
        buildTheReactorsImageThenRunIt(base, env);
        cleanup = builds.maven(project, env, "cloudist:cleanup", store, "-Dcloudist.deleteRunData=true");
        long deadline = System.currentTimeMillis() + 30_000;
        while ((processesAfterCleanup = cloud.liveProcesses()) > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
    }

    /** In a store of its own, whose pool has no warm workers: the reactor's run launches instances of its image. */
    private void buildTheReactorsImageThenRunIt(String base, Map<String, String> env) throws Exception {
        Path reactor = builds.copy("reactor", "image-reactor");
        String store = "-Dcloudist.store=s3://" + S3.createBucket() + "/cloudist";
        BuildResult setupReactor = builds.maven(reactor, env, "cloudist:setup", "-N", store);
        assertThat(setupReactor.succeeded()).as("%s", setupReactor).isTrue();
        String[] ec2 = ec2(store, base);
        reactorImage = builds.maven(reactor, env, concat("cloudist:image", ec2));
        blobsAfterReactorImage = cloud.registry().blobs();
        reactorRun = builds.cloudist(reactor, env, concat("-fae", ec2));
        blobsAfterReactorRun = cloud.registry().blobs();
    }

    @AfterAll
    void stopTheCloud() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void setupMakesTheImageRepository() {
        assertThat(setup.succeeded()).as("%s", setup).isTrue();
        assertThat(setup.log()).contains("ECR repository cloudist (scan on push, immutable tags");
    }

    @Test
    void aColdRunBuildsAndPushesTheImageOnceAndItsInstancesBootFromIt() throws Exception {
        assertThat(cold.succeeded()).as("%s", cold).isTrue();
        assertThat(bootedByCold).isPositive();
        assertThat(cold.log()).containsPattern("cloudist: image \\S+/cloudist:[0-9a-f]{64} built \\(sha256:");
        assertThat(cold.log()).doesNotContain("Instances boot without the worker image");
        assertThat(ReportedOutcomes.keys(cold.reportedTests()))
                .containsExactlyElementsOf(ReportedOutcomes.keys(local.reportedTests()));
        assertThat(bootLogsOfPassing).hasSize(bootedByCold);
        assertThat(bootLogsOfPassing)
                .allSatisfy(log -> assertThat(log)
                        .contains("cloudist: boot step pull: ")
                        .doesNotContain("dnf install")
                        .doesNotContain("cannot pull the worker image"));
    }

    @Test
    void theColdRunsTimelineShowsEachInstancesBootPullAndAgentStartApart() throws Exception {
        Path directory = cold.project().resolve("target/cloudist");
        RunTimeline timeline = TimelineFiles.read(directory.resolve(TimelineFiles.JSON));

        assertThat(timeline.workers()).isNotEmpty();
        for (RunTimeline.Worker w : timeline.workers()) {
            List<Phase> phases =
                    w.phases().stream().map(RunTimeline.PhaseSpan::phase).toList();
            assertThat(phases).as("%s", w.id()).startsWith(Phase.BOOT, Phase.PULL, Phase.START);
        }
        assertThat(timeline.phases().seconds(Phase.PULL)).isPositive();
        assertThat(Files.readString(directory.resolve(TimelineFiles.HTML)))
                .containsPattern("instance boot [0-9.]+ s, image pull / Java and jars [0-9.]+ s");
    }

    @Test
    void aWarmRunPushesNothingAndReportsWhatALocalRunReports() {
        assertThat(warm.succeeded()).as("%s", warm).isTrue();
        assertThat(bootedByWarm).isZero();
        assertThat(warm.log()).doesNotContain(" built (sha256:");
        assertThat(blobsAfterWarm).isEqualTo(blobsAfterCold);
        assertThat(ReportedOutcomes.keys(warm.reportedTests()))
                .containsExactlyElementsOf(ReportedOutcomes.keys(local.reportedTests()));
    }

    @Test
    void theImageGoalOfTheUnchangedProjectFindsTheImageAndPushesNothing() throws Exception {
        assertThat(imageGoal.succeeded()).as("%s", imageGoal).isTrue();
        assertThat(imageGoal.log()).containsPattern("cloudist: image \\S+/cloudist:[0-9a-f]{64} found \\(sha256:");
        assertThat(imageGoal.log()).contains("pushed nothing");
        assertThat(blobsAfterImageGoal).isEqualTo(blobsAfterCold);
    }

    @Test
    void theImageGoalAtAReactorsRootBuildsTheOneImageThatTheReactorsRunThenFinds() {
        assertThat(reactorImage.succeeded()).as("%s", reactorImage).isTrue();
        List<String> built = reactorImage.lines().stream()
                .filter(l -> l.matches("cloudist: image \\S+/cloudist:[0-9a-f]{64} built \\(sha256:.*"))
                .toList();
        assertThat(built).as("one image for the reactor: %s", reactorImage).hasSize(1);
        String digest = built.get(0).replaceAll(".*\\((sha256:[0-9a-f]{64})\\).*", "$1");

        assertThat(reactorRun.log()).as("%s", reactorRun).contains("cloudist: running the tests of ");
        assertThat(reactorRun.lines())
                .as("%s", reactorRun)
                .filteredOn(l -> l.startsWith("cloudist: image "))
                .singleElement()
                .asString()
                .contains(" found (" + digest + "): pushed nothing");
        assertThat(reactorRun.log()).doesNotContain("Instances boot without the worker image");
        assertThat(blobsAfterReactorRun).isEqualTo(blobsAfterReactorImage);
    }

    @Test
    void cleanupLeavesNothingRunning() {
        assertThat(cleanup.succeeded()).as("%s", cleanup).isTrue();
        assertThat(cloud.unterminatedInstances()).isEmpty();
        assertThat(processesAfterCleanup).isZero();
    }

    /** The arguments of an {@code ec2} run of two workers in {@code store} whose image builds on {@code base}. */
    private static String[] ec2(String store, String base) {
        return new String[] {
            "-Dcloudist.backend=ec2",
            "-Dcloudist.workers=2",
            store,
            "-Dcloudist.idleMinutes=2",
            "-Dcloudist.instanceTypes=c7i.xlarge",
            "-Dcloudist.baseImage=" + base
        };
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private List<String> bootLogs() throws Exception {
        try (Stream<Path> files = Files.walk(instances)) {
            return files.filter(f -> f.getFileName().toString().equals("boot.log"))
                    .map(f -> {
                        try {
                            return Files.readString(f);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }
}
