package io.cloudist.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.aws.client.S3Location;
import io.cloudist.core.protocol.BlobRef;
import io.cloudist.core.protocol.BootSteps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real boot script with bash, as an instance runs its user data, with stand-ins on the PATH for what an
 * instance has and a test does not: {@code aws} copies from a directory laid out as the bucket, {@code curl} answers
 * as the metadata service, {@code java}, {@code docker} and {@code shutdown} only say that they were called.
 */
class WorkerBootTest {
    private static final S3Location STORE = S3Location.parse("s3://team-bucket/ci");

    @TempDir
    Path dir;

    private Path bucket;
    private Path calls;
    private Process boot;

    @BeforeEach
    void instance() throws IOException {
        bucket = Files.createDirectories(dir.resolve("s3/team-bucket/ci/blobs/sha256"));
        calls = dir.resolve("calls.log");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        executable(bin.resolve("aws"), """
                echo "aws $*" >> "$CALLS"
                if [ "$1" = ecr ]; then echo ecr-token; exit 0; fi
                src=""; dest=""; names=()
                while [ $# -gt 0 ]; do
                  case "$1" in
                    --include) names+=("$2"); shift 2 ;;
                    --exclude|--endpoint-url) shift 2 ;;
                    s3://*) src="${1#s3://}"; shift ;;
                    s3|cp|--*) shift ;;
                    *) dest="$1"; shift ;;
                  esac
                done
                for name in "${names[@]}"; do
                  [ -f "$FAKE_S3/$src$name" ] && cp "$FAKE_S3/$src$name" "$dest/$name"
                done
                exit 0
                """);
        executable(bin.resolve("curl"), """
                case "$*" in
                  *api/token*) echo token ;;
                  *instance-id*) echo i-0abc ;;
                  *ami-launch-index*) [ -n "${NO_LAUNCH_INDEX:-}" ] && exit 22; echo 0 ;;
                  *) exit 22 ;;
                esac
                """);
        executable(bin.resolve("java"), """
                if [ "$1" = -version ]; then echo 'openjdk version "17.0.15" 2025-04-15' >&2; exit 0; fi
                echo "java $*" >> "$CALLS"
                echo "env AWS_ACCOUNT_ID=$AWS_ACCOUNT_ID" >> "$CALLS"
                case "${AGENT:-}" in
                  hangs)
                    while [ $# -gt 0 ]; do [ "$1" = --deadline-file ] && echo 1 > "$2"; shift; done
                    sleep 60 ;;
                  works) sleep 60 ;;
                esac
                """);
        executable(bin.resolve("shutdown"), "echo \"shutdown $*\" >> \"$CALLS\"\n");
        executable(bin.resolve("docker"), """
                case "$1" in
                  login) echo "docker login ${*:2} password=$(cat)" >> "$CALLS" ;;
                  pull) echo "docker $*" >> "$CALLS"; [ -z "${PULL_FAILS:-}" ] || exit 1 ;;
                  run) echo "docker $*" >> "$CALLS"
                       echo "env AWS_ACCOUNT_ID=$AWS_ACCOUNT_ID" >> "$CALLS" ;;
                esac
                """);
    }

    @AfterEach
    void powerOff() throws Exception {
        if (boot != null) {
            // The script's backstop outlives it in the background; the script ran in a session of its own.
            new ProcessBuilder("kill", "-KILL", "--", "-" + boot.pid()).start().waitFor();
        }
    }

    @Test
    void startsTheAgentsWhenEveryJarMatchesItsKey() throws Exception {
        List<BlobRef> jars = List.of(store("cloudist-worker.jar", "worker"), store("jackson.jar", "jackson"));

        int exit = run(jars);

        assertThat(exit).isZero();
        assertThat(bootLog()).doesNotContain("does not match").contains("every worker agent has exited");
        String lib = dir.resolve("opt/lib").toString();
        assertThat(calls())
                .anySatisfy(call -> assertThat(call)
                        .startsWith("java ")
                        .contains("-cp " + lib + "/" + jars.get(0).sha256() + ":" + lib + "/"
                                + jars.get(1).sha256() + " ")
                        .contains(
                                "io.cloudist.worker.WorkerMain --store s3://team-bucket/ci --pool --worker i-0abc-0"));
        assertThat(calls()).as("the agents name the bucket's owner").contains("env AWS_ACCOUNT_ID=123456789012");
    }

    @Test
    void refusesToStartWhenAJarDoesNotMatchItsKeyAndSaysWhichInTheLog() throws Exception {
        BlobRef worker = store("cloudist-worker.jar", "worker");
        BlobRef tampered = store("jackson.jar", "jackson");
        Files.writeString(bucket.resolve(tampered.sha256()), "someone else's code");

        int exit = run(List.of(worker, tampered));

        assertThat(exit).isEqualTo(1);
        assertThat(bootLog())
                .contains("cloudist: the worker jar s3://team-bucket/ci/blobs/sha256/" + tampered.sha256()
                        + " does not match its SHA-256 (its bytes hash to " + sha256("someone else's code")
                        + "): refusing to start the worker agents; powering off");
        assertThat(calls()).noneMatch(call -> call.startsWith("java ")).contains("shutdown -h now");
    }

    @Test
    void refusesToStartWhenAJarIsMissing() throws Exception {
        BlobRef worker = store("cloudist-worker.jar", "worker");
        BlobRef missing = store("jackson.jar", "jackson");
        Files.delete(bucket.resolve(missing.sha256()));

        int exit = run(List.of(worker, missing));

        assertThat(exit).isEqualTo(1);
        assertThat(bootLog())
                .contains("cloudist: cannot fetch the worker jar s3://team-bucket/ci/blobs/sha256/" + missing.sha256()
                        + " from the store; powering off");
        assertThat(calls()).noneMatch(call -> call.startsWith("java "));
    }

    @Test
    void startsOneAgentWhenTheLaunchIndexCannotBeReadNeverMoreThanTheLaunchAsked() throws Exception {
        List<BlobRef> jars = List.of(store("cloudist-worker.jar", "worker"));

        int exit = run(jars, 4, 2, 43_200, Map.of("NO_LAUNCH_INDEX", "1"));

        assertThat(exit).isZero();
        assertThat(bootLog())
                .contains(
                        "cloudist: cannot read the launch index from the metadata service; starting one worker agent");
        assertThat(calls())
                .filteredOn(call -> call.startsWith("java "))
                .singleElement()
                .asString()
                .contains("--worker i-0abc-0 ");
    }

    @Test
    void startsItsShareOfTheLaunchWithADeadlineFileAndARetirementEach() throws Exception {
        List<BlobRef> jars = List.of(store("cloudist-worker.jar", "worker"));
        long before = System.currentTimeMillis() / 1000;

        int exit = run(jars, 4, 2, 14_400, Map.of());

        assertThat(exit).isZero();
        // The agents start in the background: their calls come in either order.
        List<String> agents = calls().stream()
                .filter(call -> call.startsWith("java "))
                .sorted(Comparator.comparing(call -> call.replaceAll(".*--worker (\\S+).*", "$1")))
                .toList();
        assertThat(agents).hasSize(2);
        String opt = dir.resolve("opt").toString();
        assertThat(agents.get(1)).contains("--worker i-0abc-1 ", "--deadline-file " + opt + "/w1/deadline ");
        long retireAt = Long.parseLong(agents.get(0).replaceAll(".*--retire-at (\\d+).*", "$1"));
        assertThat(retireAt)
                .as("an hour before the end of a four-hour life")
                .isBetween(before + 10_800, before + 10_805);
    }

    @Test
    void withAnImageSignsInPullsByDigestAndRunsEachAgentInAContainerWithoutJavaOrJars() throws Exception {
        List<BlobRef> jars = List.of(store("cloudist-worker.jar", "worker"));
        String image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/cloudist@sha256:" + "c".repeat(64);

        int exit = runWithImage(jars, image, 4, 2, Map.of());

        assertThat(exit).isZero();
        assertThat(calls())
                .contains(
                        "aws ecr get-login-password --region eu-west-1",
                        "docker login --username AWS --password-stdin 123456789012.dkr.ecr.eu-west-1.amazonaws.com"
                                + " password=ecr-token",
                        "docker pull --quiet " + image)
                .noneMatch(call -> call.startsWith("java ") || call.startsWith("aws s3 "));
        String opt = dir.resolve("opt").toString();
        assertThat(calls())
                .filteredOn(call -> call.startsWith("docker run "))
                .hasSize(2)
                .allSatisfy(call -> assertThat(call)
                        .contains("--rm --network host", image + " --store s3://team-bucket/ci --pool")
                        .endsWith(" --cache /opt/cloudist/cache")
                        .contains("-e AWS_ACCOUNT_ID -e AWS_EC2_METADATA_SERVICE_ENDPOINT"))
                .anySatisfy(call -> assertThat(call)
                        .contains("-v " + opt + "/w1:" + opt + "/w1 ")
                        .contains("--worker i-0abc-1 --dir " + opt + "/w1 "));
        assertThat(calls()).contains("env AWS_ACCOUNT_ID=123456789012");
        // The agents are told what boot did and when, for the run's timeline: booted, pulled, agents started.
        assertThat(bootSteps()).extracting(BootSteps.Step::name).containsExactly("pull");
        assertThat(bootLog())
                .contains("cloudist: boot step pull: ")
                .doesNotContain("dnf install")
                .doesNotContain("ecr-token");
    }

    @Test
    void withAnImageThatCannotBePulledInstallsJavaAndFetchesTheJarsAsBefore() throws Exception {
        List<BlobRef> jars = List.of(store("cloudist-worker.jar", "worker"));
        String image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/cloudist@sha256:" + "c".repeat(64);

        int exit = runWithImage(jars, image, 1, 1, Map.of("PULL_FAILS", "1"));

        assertThat(exit).isZero();
        assertThat(bootLog())
                .contains("cloudist: warning: cannot pull the worker image " + image
                        + "; installing Java and fetching the worker jars instead");
        assertThat(calls())
                .noneMatch(call -> call.startsWith("docker run "))
                .anySatisfy(call -> assertThat(call)
                        .startsWith("java ")
                        .contains("io.cloudist.worker.WorkerMain --store s3://team-bucket/ci")
                        .endsWith("--cache " + dir.resolve("opt/cache")));
        // The failed pull's time counts too, then the Java install and the jars.
        assertThat(bootSteps()).extracting(BootSteps.Step::name).containsExactly("pull", "java", "jars");
    }

    /** The boot steps each agent was started with, the same for all; parsed, so in order. */
    private List<BootSteps.Step> bootSteps() throws Exception {
        List<String> given = calls().stream()
                .filter(call -> call.contains("io.cloudist.worker.WorkerMain") || call.startsWith("docker run "))
                .map(call -> call.replaceFirst(".* --boot-steps (\\S+) .*", "$1"))
                .distinct()
                .toList();
        assertThat(given).hasSize(1);
        BootSteps steps = BootSteps.parse(given.get(0));
        assertThat(steps.agentsMillis()).isGreaterThanOrEqualTo(steps.readyMillis());
        return steps.steps();
    }

    @Test
    void powersOffWhenAnAgentIsPastItsDeadline() throws Exception {
        List<BlobRef> jars = List.of(store("cloudist-worker.jar", "worker"));

        start(jars, 1, 1, 43_200, Map.of("AGENT", "hangs"));

        String log = awaitBootLog("past its deadline");
        assertThat(log)
                .contains("cloudist: the worker agent of " + dir.resolve("opt/w0")
                        + " is past its deadline (1) with no progress; powering off");
        assertThat(awaitCall("shutdown -h now")).contains("shutdown -h now");
    }

    @Test
    void powersOffAtTheEndOfItsLifeWhateverItsAgentsDo() throws Exception {
        List<BlobRef> jars = List.of(store("cloudist-worker.jar", "worker"));

        start(jars, 1, 1, 3, Map.of("AGENT", "works"));

        awaitBootLog("cloudist: the instance has lived its maximum of 3 s (cloudist.maxInstanceHours); powering off");
        assertThat(awaitCall("shutdown -h now")).contains("shutdown -h now");
    }

    /** Puts {@code content} in the fake bucket under its hash, as the shipper does. */
    private BlobRef store(String name, String content) throws Exception {
        String hash = sha256(content);
        Files.writeString(bucket.resolve(hash), content);
        return new BlobRef(hash, content.length(), BlobRef.Kind.JAR, name);
    }

    private int run(List<BlobRef> jars) throws Exception {
        return run(jars, 1, 1, 43_200, Map.of());
    }

    private int run(List<BlobRef> jars, int workers, int slots, long lifeSeconds, Map<String, String> env)
            throws Exception {
        start(jars, workers, slots, lifeSeconds, env);
        assertThat(boot.waitFor(60, TimeUnit.SECONDS))
                .as("the boot script ends")
                .isTrue();
        return boot.exitValue();
    }

    private int runWithImage(List<BlobRef> jars, String image, int workers, int slots, Map<String, String> env)
            throws Exception {
        UserData data = new UserData(STORE, jars, "eu-west-1", "", "123456789012", 17, slots, workers, 5, 60, 43_200)
                .withImage(image, "");
        boot = launch(data, env);
        assertThat(boot.waitFor(60, TimeUnit.SECONDS))
                .as("the boot script ends")
                .isTrue();
        return boot.exitValue();
    }

    private String awaitBootLog(String text) throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Path log = dir.resolve("opt/log/boot.log");
        while (System.nanoTime() < giveUp) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return Files.readString(log);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The boot log never said \"" + text + "\":\n" + (Files.exists(log) ? bootLog() : ""));
    }

    private void start(List<BlobRef> jars, int workers, int slots, long lifeSeconds, Map<String, String> env)
            throws Exception {
        UserData data =
                new UserData(STORE, jars, "eu-west-1", "", "123456789012", 17, slots, workers, 5, 60, lifeSeconds);
        boot = launch(data, env);
    }

    private Process launch(UserData data, Map<String, String> env) throws IOException {
        Path script = Files.writeString(dir.resolve("user-data.sh"), data.script());
        ProcessBuilder builder = new ProcessBuilder("setsid", "bash", script.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.log").toFile());
        builder.environment().put("PATH", dir.resolve("bin") + ":/usr/bin:/bin");
        builder.environment().put("CLOUDIST_HOME", dir.resolve("opt").toString());
        builder.environment().put("FAKE_S3", dir.resolve("s3").toString());
        builder.environment().put("CALLS", calls.toString());
        builder.environment().putAll(env);
        return builder.start();
    }

    private String bootLog() throws IOException {
        return Files.readString(dir.resolve("opt/log/boot.log"));
    }

    /** The calls made so far, once one of them is {@code call} (the script logs why before it makes the call). */
    private List<String> awaitCall(String call) throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < giveUp && !calls().contains(call)) {
            Thread.sleep(50);
        }
        return calls();
    }

    private List<String> calls() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    private static String sha256(String content) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static void executable(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/bash\n" + body);
        file.toFile().setExecutable(true);
    }
}
