package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.cloudist.aws.s3.S3ProxyExtension;
import io.cloudist.its.cloud.SimulatedCloud;
import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.ConsoleOutput;
import io.cloudist.its.harness.FixtureBuilds;
import io.cloudist.its.harness.ReportedOutcomes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The drop-in fixtures on {@code -Dcloudist.backend=ec2} in the simulated cloud: workers that run elsewhere find the
 * module's files and its siblings', run JUnit 4 and 3 as Surefire's providers do, honour Surefire's options and
 * print Surefire's console; a second run of an unchanged project ships nothing again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudFixturesIT {
    private static final Pattern SHIPPED = Pattern.compile("cloudist: shipped (\\d+) of (\\d+) blobs");
    private static final String LIFECYCLE = "io.cloudist.fixtures.lifecycle.";
    private static final String REDIRECT = "-Dmaven.test.redirectTestOutputToFile=true";
    private static final Pattern ANY_SHIPMENT =
            Pattern.compile("cloudist: shipped (?:the worker agent: )?(\\d+) of \\d+ blobs");

    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension();

    private final FixtureBuilds builds = FixtureBuilds.fromSystemProperties();
    private SimulatedCloud cloud;
    private final List<String> ec2 = new ArrayList<>();
    private BuildResult filesSurefire;
    private BuildResult filesCold;
    private BuildResult filesAgain;
    private String tamperedKey;
    private BuildResult filesTampered;
    private String bytesAfterTheTamperedRun;
    private BuildResult junit4Surefire;
    private BuildResult junit4;
    private BuildResult junit38Surefire;
    private BuildResult junit38;
    private BuildResult consoleSurefire;
    private BuildResult console;
    private BuildResult optionsSurefire;
    private BuildResult options;
    private BuildResult configSurefire;
    private BuildResult config;
    private BuildResult redirectedSurefire;
    private BuildResult redirected;
    private BuildResult lifecycle;
    private BuildResult exampleSurefire;
    private BuildResult example;
    private BuildResult secrets;
    private final String token = "squ_" + UUID.randomUUID().toString().replace("-", "");
    private final String shellSecret = "shell_" + UUID.randomUUID().toString().replace("-", "");
    private final Map<String, String> storedAfterTheSecretsRun = new TreeMap<>();
    private BuildResult cleanup;

    @BeforeAll
    void runTheFixturesInTheSimulatedCloud() throws Exception {
        assumeFalse(builds.environment().cloudistIsSurefire(), "the cloud run needs cloudist itself");
        cloud = new SimulatedCloud(builds.environment().work().resolve("cloud-fixtures"), S3.endpoint());
        Map<String, String> env = cloud.mavenEnvironment();
        String bucket = S3.createBucket();
        String store = "-Dcloudist.store=s3://" + bucket + "/cloudist";
        ec2.addAll(List.of(
                "-Dcloudist.backend=ec2",
                "-Dcloudist.image=false",
                "-Dcloudist.workers=2",
                store,
                "-Dcloudist.idleMinutes=2"));
        Path files = builds.copy("module-files", "cloud");
        BuildResult setup = builds.maven(files, env, "cloudist:setup", store);
        assertThat(setup.succeeded()).as("%s", setup).isTrue();

        filesSurefire = builds.surefire(builds.copy("module-files", "cloud-surefire"));
        filesCold = builds.cloudist(files, env, ec2.toArray(String[]::new));
        filesAgain = builds.cloudist(files, env, ec2.toArray(String[]::new));
        // Someone who can write to the bucket replaces a blob of the classpath: the next run must not trust its key.
        S3Client s3 = S3.client();
        tamperedKey =
                s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix("cloudist/blobs/sha256/")).contents().stream()
                        .findFirst()
                        .orElseThrow()
                        .key();
        s3.putObject(r -> r.bucket(bucket).key(tamperedKey), RequestBody.fromString("not what the key promises"));
        filesTampered = builds.cloudist(files, env, ec2.toArray(String[]::new));
        bytesAfterTheTamperedRun = sha256(
                s3.getObjectAsBytes(r -> r.bucket(bucket).key(tamperedKey)).asByteArray());
        junit4Surefire = builds.surefire(builds.copy("junit4-only", "cloud-surefire"));
        junit4 = builds.cloudist(builds.copy("junit4-only", "cloud"), env, ec2.toArray(String[]::new));
        junit38Surefire = builds.surefire(builds.copy("junit38", "cloud-surefire"));
        junit38 = builds.cloudist(builds.copy("junit38", "cloud"), env, ec2.toArray(String[]::new));
        consoleSurefire = builds.surefire(builds.copy("console", "cloud-surefire"));
        console = builds.cloudist(builds.copy("console", "cloud"), env, ec2.toArray(String[]::new));
        optionsSurefire = builds.surefire(builds.copy("surefire-options", "cloud-surefire"));
        options = builds.cloudist(builds.copy("surefire-options", "cloud"), env, ec2.toArray(String[]::new));
        configSurefire = builds.surefire(builds.copy("surefire-config", "cloud-surefire"));
        config = builds.cloudist(builds.copy("surefire-config", "cloud"), env, ec2.toArray(String[]::new));
        redirectedSurefire = builds.surefire(builds.copy("console", "cloud-redirected-surefire"), REDIRECT);
        redirected = builds.cloudist(
                builds.copy("console", "cloud-redirected"),
                env,
                concat(ec2, List.of(REDIRECT)).toArray(String[]::new));
        // The recipe binds cloudist in place of Surefire (LifecycleIT); its tests record their runs in the file
        // -Dfixture.runs names, here one in the test JVM's working directory.
        lifecycle = builds.maven(
                builds.copy("lifecycle", "cloud"),
                env,
                concat(List.of("verify", "-Dfixture.runs=test-runs.txt"), ec2).toArray(String[]::new));
        exampleSurefire = builds.surefire(builds.copyExample("calculator", "cloud-surefire"));
        example = builds.cloudist(builds.copyExample("calculator", "cloud"), env, ec2.toArray(String[]::new));
        Map<String, String> shell = new HashMap<>(env);
        shell.put("FIXTURE_SHELL_SECRET", shellSecret);
        List<String> secretArguments = new ArrayList<>(ec2);
        secretArguments.addAll(List.of("-Dsonar.token=" + token, "-Dfixture.elsewhere=true", "-Dfixture.plain=plain"));
        secrets = builds.cloudist(builds.copy("secrets", "cloud"), shell, secretArguments.toArray(String[]::new));
        s3.listObjectsV2Paginator(r -> r.bucket(bucket))
                .contents()
                .forEach(object -> storedAfterTheSecretsRun.put(
                        object.key(),
                        s3.getObjectAsBytes(r -> r.bucket(bucket).key(object.key()))
                                .asString(StandardCharsets.ISO_8859_1)));
        cleanup = builds.maven(files, env, "cloudist:cleanup", store, "-Dcloudist.deleteRunData=true");
    }

    @AfterAll
    void stopTheCloud() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void testsThatReadTheirModulesAndSiblingsFilesPassOnWorkersElsewhere() {
        assertThat(filesSurefire.succeeded()).as("%s", filesSurefire).isTrue();
        assertThat(filesCold.succeeded()).as("%s", filesCold).isTrue();
        assertThat(ReportedOutcomes.keys(filesCold.reportedTests(files(filesCold))))
                .hasSize(6)
                .containsExactlyElementsOf(ReportedOutcomes.keys(filesSurefire.reportedTests(files(filesSurefire))));
        assertThat(ConsoleOutput.classBlocks(filesCold)).isEqualTo(ConsoleOutput.classBlocks(filesSurefire));
        assertThat(filesCold.log()).containsPattern("cloudist: Launching \\d+ ×");
    }

    @Test
    void anUnchangedProjectIsShippedOnce() {
        assertThat(filesAgain.succeeded()).as("%s", filesAgain).isTrue();
        Matcher shipped = SHIPPED.matcher(filesAgain.log());
        assertThat(shipped.find()).as("%s", filesAgain).isTrue();
        assertThat(shipped.group(1)).as("blobs uploaded by the second run").isEqualTo("0");
        assertThat(ReportedOutcomes.keys(filesAgain.reportedTests(files(filesAgain))))
                .containsExactlyElementsOf(ReportedOutcomes.keys(filesSurefire.reportedTests(files(filesSurefire))));
    }

    @Test
    void aBlobReplacedInTheBucketIsShippedAgainAndTheRunPasses() {
        assertThat(filesTampered.succeeded()).as("%s", filesTampered).isTrue();
        // The blob may be one of the module's or one of the worker agent's: each shipment says what it uploaded.
        Matcher shipped = ANY_SHIPMENT.matcher(filesTampered.log());
        int uploaded = 0;
        while (shipped.find()) {
            uploaded += Integer.parseInt(shipped.group(1));
        }
        assertThat(uploaded).as("blobs uploaded again").isEqualTo(1);
        assertThat(bytesAfterTheTamperedRun).isEqualTo(tamperedKey.substring(tamperedKey.lastIndexOf('/') + 1));
        assertThat(ReportedOutcomes.keys(filesTampered.reportedTests(files(filesTampered))))
                .containsExactlyElementsOf(ReportedOutcomes.keys(filesSurefire.reportedTests(files(filesSurefire))));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void junit4AndJUnit3ProjectsGetSurefiresNamesAndConsole() {
        assertThat(ReportedOutcomes.keys(junit4.reportedTests()))
                .as("%s", junit4)
                .containsExactlyElementsOf(ReportedOutcomes.keys(junit4Surefire.reportedTests()));
        assertThat(ConsoleOutput.resultsTotals(junit4)).isEqualTo(ConsoleOutput.resultsTotals(junit4Surefire));
        assertThat(ConsoleOutput.classBlocks(junit4)).isEqualTo(ConsoleOutput.classBlocks(junit4Surefire));
        assertThat(ReportedOutcomes.keys(junit38.reportedTests()))
                .as("%s", junit38)
                .containsExactlyElementsOf(ReportedOutcomes.keys(junit38Surefire.reportedTests()));
        assertThat(ConsoleOutput.resultsTotals(junit38)).isEqualTo(ConsoleOutput.resultsTotals(junit38Surefire));
        assertThat(ConsoleOutput.classBlocks(junit38)).isEqualTo(ConsoleOutput.classBlocks(junit38Surefire));
    }

    @Test
    void surefiresOptionsAreHonouredOnWorkersElsewhere() {
        assertThat(ReportedOutcomes.keys(options.reportedTests()))
                .as("%s", options)
                .containsExactlyElementsOf(ReportedOutcomes.keys(optionsSurefire.reportedTests()));
        assertThat(ConsoleOutput.classBlocks(options)).isEqualTo(ConsoleOutput.classBlocks(optionsSurefire));
    }

    @Test
    void surefiresConfigurationIsHonouredOnWorkersElsewhere() {
        assertThat(config.succeeded()).as("%s", config).isTrue();
        assertThat(ReportedOutcomes.keys(config.reportedTests()))
                .as("%s", config)
                .containsExactlyElementsOf(ReportedOutcomes.keys(configSurefire.reportedTests()));
    }

    @Test
    void outputRedirectedToFilesComesBackFromWorkersElsewhere() throws IOException {
        assertThat(ConsoleOutput.classBlocks(redirected))
                .as("%s", redirected)
                .isEqualTo(ConsoleOutput.classBlocks(redirectedSurefire));
        assertThat(ConsoleOutput.outputFiles(redirected))
                .isNotEmpty()
                .isEqualTo(ConsoleOutput.outputFiles(redirectedSurefire));
        String printing = "io.cloudist.fixtures.console.PrintingTest-output.txt";
        assertThat(redirected.reportsDirectory().resolve(printing))
                .hasSameTextualContentAs(redirectedSurefire.reportsDirectory().resolve(printing));
    }

    @Test
    void theLifecycleRecipeRunsEachTestOnceOnWorkersElsewhere() {
        assertThat(lifecycle.succeeded()).as("%s", lifecycle).isTrue();
        assertThat(lifecycle.log())
                .containsPattern("--- cloudist(-maven-plugin)?:[^ ]+:test-no-fork \\(cloudist-test\\) @ app ---")
                .doesNotContain(":test (default-test)")
                .containsPattern("cloudist: Launching \\d+ ×|cloudist: Reusing \\d+ warm worker");
        assertThat(ReportedOutcomes.keys(lifecycle.reportedTests(lifecycleReports(lifecycle))))
                .containsExactly(
                        LIFECYCLE + "OneTest#failsWhenAskedTo PASSED",
                        LIFECYCLE + "OneTest#greets PASSED",
                        LIFECYCLE + "TwoTest#greets PASSED");
    }

    private static Path lifecycleReports(BuildResult build) {
        return build.project().resolve("app/target/surefire-reports");
    }

    private static List<String> concat(List<String> first, List<String> more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(more);
        return all;
    }

    @Test
    void theConsoleIsSurefiresAndTheExamplePasses() {
        assertThat(ConsoleOutput.classBlocks(console))
                .as("%s", console)
                .isEqualTo(ConsoleOutput.classBlocks(consoleSurefire));
        assertThat(example.succeeded()).as("%s", example).isTrue();
        assertThat(ReportedOutcomes.keys(example.reportedTests()))
                .containsExactlyElementsOf(ReportedOutcomes.keys(exampleSurefire.reportedTests()));
    }

    @Test
    void secretsStayOnThisMachineAndTheRunsDocumentsLeaveTheStore() {
        assertThat(secrets.succeeded()).as("%s", secrets).isTrue();
        assertThat(ReportedOutcomes.keys(secrets.reportedTests())).hasSize(4).allMatch(k -> k.endsWith(" PASSED"));
        assertThat(secrets.log())
                .contains("cloudist: not passed to workers on ec2, as they look secret and would be kept in the store:"
                        + " -Dsonar.token.")
                .doesNotContain(token, shellSecret);
        assertThat(storedAfterTheSecretsRun)
                .as("objects in the bucket")
                .isNotEmpty()
                .allSatisfy((key, content) -> assertThat(content).as(key).doesNotContain(token, shellSecret));
        assertThat(storedAfterTheSecretsRun.keySet()).noneMatch(key -> key.endsWith("/run.json"));
    }

    @Test
    void cleanupLeavesNoInstanceRunning() {
        assertThat(cleanup.succeeded()).as("%s", cleanup).isTrue();
        assertThat(cloud.unterminatedInstances()).isEmpty();
    }

    private static Path files(BuildResult build) {
        return build.project().resolve("app/target/surefire-reports");
    }
}
