package io.cloudist.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.aws.client.S3Location;
import io.cloudist.core.CloudistException;
import io.cloudist.core.protocol.BlobRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDataTest {
    private static final S3Location STORE = S3Location.parse("s3://team-bucket/ci");
    private static final List<BlobRef> JARS = List.of(
            new BlobRef("aaa111", 10, BlobRef.Kind.JAR, "cloudist-worker-0.1.0.jar"),
            new BlobRef("bbb222", 20, BlobRef.Kind.JAR, "jackson-databind-2.22.1.jar"));

    @TempDir
    Path dir;

    @Test
    void fetchesTheWorkerJarsFromTheStoreAndStartsOneAgentPerSlot() {
        String script = boot("").script();

        assertThat(script)
                .startsWith("#!/bin/bash\n")
                .containsOnlyOnce("aws s3 cp")
                .contains("BLOBS='s3://team-bucket/ci/blobs/sha256/'\n")
                .contains("HASHES=\"aaa111 bbb222\"\n")
                .contains("for hash in $HASHES; do INCLUDES+=(--include \"$hash\"); done")
                .contains("aws s3 cp --only-show-errors --recursive \"$BLOBS\" \"$L\""
                        + " --exclude '*' \"${INCLUDES[@]}\"")
                .contains("for hash in $HASHES; do\n")
                .contains("AGENTS=$(( 5 - LAUNCH_INDEX * 2 ))")
                .contains("io.cloudist.worker.WorkerMain")
                .contains("--store 's3://team-bucket/ci' --pool --worker \"$INSTANCE_ID-$slot\"")
                .contains("--idle-minutes 10")
                .contains("--imds \"$IMDS\"")
                .contains("--store-outage-seconds 90")
                .contains("export AWS_REGION='eu-west-1'")
                .endsWith("shutdown -h now\n");
    }

    @Test
    void readsTheInstanceIdWithAnImdsV2Token() {
        assertThat(boot("").script())
                .contains("IMDS=${AWS_EC2_METADATA_SERVICE_ENDPOINT:-http://169.254.169.254}")
                .contains("curl -sf -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 300' \"$IMDS/latest/api/token\"")
                .contains("-H \"X-aws-ec2-metadata-token: $token\"")
                .contains("INSTANCE_ID=$(imds instance-id)");
    }

    @Test
    void holdsNoCredentials() {
        String script = boot("http://127.0.0.1:9000").script();

        assertThat(script)
                .doesNotContainIgnoringCase("AKIA")
                .doesNotContainIgnoringCase("aws_access_key_id")
                .doesNotContainIgnoringCase("aws_secret_access_key")
                .doesNotContainIgnoringCase("aws_session_token")
                .doesNotContainIgnoringCase("secret");
    }

    @Test
    void passesTheS3EndpointOnlyWhenOneIsSet() {
        assertThat(boot("").script()).doesNotContain("--endpoint-url").doesNotContain("AWS_ENDPOINT_URL");
        assertThat(boot("http://127.0.0.1:9000").script())
                .contains("aws s3 cp --only-show-errors --recursive --endpoint-url 'http://127.0.0.1:9000' \"$BLOBS\"")
                .contains("export AWS_ENDPOINT_URL_S3='http://127.0.0.1:9000'");
    }

    @Test
    void exportsTheAccountThatOwnsTheBucketForTheAgents() {
        assertThat(boot("").script()).contains("export AWS_ACCOUNT_ID='123456789012'\n");
        assertThat(new UserData(STORE, JARS, "eu-west-1", "", "", 17, 2, 5, 10, 90, 43_200).script())
                .doesNotContain("AWS_ACCOUNT_ID");
    }

    @Test
    void quotesValuesForTheShell() {
        assertThat(UserData.quote("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void isValidBashAndTravelsAsBase64() throws Exception {
        UserData boot = boot("http://127.0.0.1:9000");
        Path script = Files.writeString(dir.resolve("boot.sh"), boot.script());

        Process check = new ProcessBuilder("bash", "-n", script.toString())
                .redirectErrorStream(true)
                .start();

        assertThat(new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEmpty();
        assertThat(check.waitFor()).isZero();
        assertThat(new String(Base64.getDecoder().decode(boot.base64()), StandardCharsets.UTF_8))
                .isEqualTo(boot.script());
    }

    @Test
    void refusesAScriptOverEc2sLimit() {
        List<BlobRef> many = IntStream.range(0, 200)
                .mapToObj(i -> new BlobRef("%064d".formatted(i), 1, BlobRef.Kind.JAR, "library-number-" + i + ".jar"))
                .toList();
        UserData boot = new UserData(STORE, many, "eu-west-1", "", "123456789012", 17, 2, 5, 10, 90, 43_200);

        assertThatThrownBy(boot::base64).isInstanceOf(CloudistException.class).hasMessageContaining("16384");
    }

    @Test
    void keepsAJavaOfTheFeatureVersion() throws Exception {
        assertThat(runJavaSetup("openjdk version \"17.0.15\" 2025-04-15")).containsExactly("JAVA=java");
    }

    @Test
    void keepsANewerJava() throws Exception {
        assertThat(runJavaSetup("openjdk version \"21\" 2023-09-19")).containsExactly("JAVA=java");
    }

    @Test
    void installsCorrettoJdkOverAnOlderJava() throws Exception {
        assertThat(runJavaSetup("openjdk version \"11.0.2\" 2019-01-15"))
                .containsExactly(
                        "dnf install -y java-17-amazon-corretto-devel",
                        "JAVA=/usr/lib/jvm/java-17-amazon-corretto/bin/java");
        assertThat(runJavaSetup("java version \"1.8.0_392\""))
                .first()
                .asString()
                .startsWith("dnf install");
    }

    @Test
    void installsCorrettoJdkWhenThereIsNoJava() throws Exception {
        assertThat(runJavaSetup(null))
                .containsExactly(
                        "dnf install -y java-17-amazon-corretto-devel",
                        "JAVA=/usr/lib/jvm/java-17-amazon-corretto/bin/java");
    }

    @Test
    void powersOffWhenTheInstallFails() throws Exception {
        assertThat(runJavaSetup(null, "exit 1"))
                .containsExactly("dnf install -y java-17-amazon-corretto-devel", "power_off cannot install Java 17");
    }

    private static UserData boot(String endpoint) {
        return new UserData(STORE, JARS, "eu-west-1", endpoint, "123456789012", 17, 2, 5, 10, 90, 43_200);
    }

    private List<String> runJavaSetup(String javaVersionLine) throws Exception {
        return runJavaSetup(javaVersionLine, "exit 0");
    }

    /** Runs the Java part of the script with a fake java (or none) and a fake dnf on PATH; returns what happened. */
    private List<String> runJavaSetup(String javaVersionLine, String dnfExit) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path log = dir.resolve("calls.log");
        Files.deleteIfExists(log);
        Files.deleteIfExists(bin.resolve("java"));
        for (String tool : List.of("sed", "head")) {
            executable(bin.resolve(tool), "exec " + which(tool) + " \"$@\"\n");
        }
        if (javaVersionLine != null) {
            executable(bin.resolve("java"), "echo '" + javaVersionLine + "' >&2\necho 'Runtime Environment' >&2\n");
        }
        executable(bin.resolve("dnf"), "echo \"dnf $*\" >> '" + log + "'\n" + dnfExit + "\n");
        String script = "power_off() { echo \"power_off $1\" >> '" + log + "'; exit 1; }\n"
                + UserData.javaSetup(17)
                + "echo \"JAVA=$JAVA\" >> '" + log + "'\n";
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", "-c", script).redirectErrorStream(true);
        builder.environment().put("PATH", bin.toString());
        Process bash = builder.start();
        bash.getOutputStream().close();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        bash.waitFor();
        assertThat(output).as("bash output").isEmpty();
        return Files.exists(log) ? Files.readAllLines(log) : new ArrayList<>();
    }

    private void executable(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/bash\n" + body);
        file.toFile().setExecutable(true);
    }

    private static String which(String tool) {
        for (String dir : List.of("/usr/bin", "/bin")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return dir + "/" + tool;
            }
        }
        throw new IllegalStateException("No " + tool + " on this machine");
    }

    @Test
    void theImagePathPullsByDigestOnlyAndSignsInThroughTheOverriddenEcrEndpoint() {
        String image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/cloudist@sha256:" + "d".repeat(64);

        String script = boot("").withImage(image, "http://127.0.0.1:5000").script();

        assertThat(script)
                .contains("IMAGE='" + image + "'")
                .contains("aws ecr get-login-password --endpoint-url 'http://127.0.0.1:5000' --region 'eu-west-1'")
                .contains("\"$IMAGE\" \"$@\" --cache '/opt/cloudist/cache'")
                .doesNotContainPattern("@[A-Z_]+@");
        assertThat(boot("").script()).doesNotContain("IMAGE='").doesNotContain("get-login-password");
        assertThatThrownBy(() -> boot("").withImage("registry/cloudist:latest", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pinned by digest");
    }

    @Test
    void withAnImageAndTooManyJarsForEc2TheScriptLeavesTheJarsOutAndCannotFallBack() {
        List<BlobRef> many = new java.util.ArrayList<>();
        for (int i = 0; i < 220; i++) {
            many.add(new BlobRef(String.format("%064x", i), 1, BlobRef.Kind.JAR, "lib-" + i + ".jar"));
        }
        String image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/cloudist@sha256:" + "d".repeat(64);
        UserData boot = new UserData(STORE, many, "eu-west-1", "", "123456789012", 17, 2, 5, 10, 90, 43_200)
                .withImage(image, "");

        String script = new String(java.util.Base64.getDecoder().decode(boot.base64()), StandardCharsets.UTF_8);

        assertThat(boot.script().length()).isGreaterThan(UserData.MAX_BYTES);
        assertThat(script)
                .hasSizeLessThanOrEqualTo(UserData.MAX_BYTES)
                .contains("IMAGE='" + image + "'")
                .contains("[ \"$IMAGE_READY\" = yes ] || power_off \"cannot pull the worker image")
                .doesNotContain(String.format("%064x", 7));
    }

    @Test
    void aWorkerOfA120JarsStillBootsWithoutAnImageAndTheScriptCarriesNoComments() {
        // The worker has some 70 jars today: the user data must leave room for many more before it needs an image.
        List<BlobRef> jars = new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) {
            jars.add(new BlobRef(String.format("%064x", i), 1, BlobRef.Kind.JAR, "lib-" + i + ".jar"));
        }
        UserData boot = new UserData(STORE, jars, "eu-west-1", "", "123456789012", 17, 2, 5, 10, 90, 43_200);

        String script = new String(java.util.Base64.getDecoder().decode(boot.base64()), StandardCharsets.UTF_8);

        assertThat(script).hasSizeLessThanOrEqualTo(UserData.MAX_BYTES).startsWith("#!/bin/bash\n");
        assertThat(script.lines().skip(1)).noneMatch(line -> line.strip().startsWith("#"));
        assertThat(script).contains(String.format("%064x", 119)).contains("\"${INCLUDES[@]}\"");
    }

    @Test
    void aJarHashThatIsNotHexIsRefused() {
        List<BlobRef> jars = List.of(new BlobRef("a'; reboot; '", 1, BlobRef.Kind.JAR, "x.jar"));
        UserData boot = new UserData(STORE, jars, "eu-west-1", "", "", 17, 1, 1, 10, 90, 43_200);

        assertThatThrownBy(boot::script)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SHA-256");
    }
}
