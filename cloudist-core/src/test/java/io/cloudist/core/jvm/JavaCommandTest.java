package io.cloudist.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaCommandTest {
    @TempDir
    Path temp;

    @Test
    void argumentsAndPropertiesGoIntoAnArgumentFileOnlyItsOwnerReads() throws Exception {
        Path argFile = temp.resolve("jvm.args");
        List<String> command = JavaCommand.build(
                Path.of("/jdk/bin/java"),
                List.of("-Xmx1g", "-Dline=a b"),
                Map.of("db.url", "jdbc:h2:mem:x", "quoted", "say \"hi\""),
                Map.of("sonar.token", "s3cret"),
                List.of(Path.of("/cp/a.jar")),
                JavaCommand.RUNNER_MAIN,
                List.of("serve"),
                argFile);

        Path secrets = temp.resolve("jvm.args.properties");
        assertThat(command)
                .containsExactly(
                        "/jdk/bin/java",
                        "@" + argFile.toAbsolutePath(),
                        JavaCommand.SYSTEM_PROPERTIES,
                        secrets.toAbsolutePath().toString(),
                        "serve");
        assertThat(String.join(" ", command)).doesNotContain("s3cret", "jdbc", "Xmx");
        assertThat(Files.readString(argFile))
                .contains(
                        "\"-Xmx1g\"",
                        "\"-Dline=a b\"",
                        "\"-Ddb.url=jdbc:h2:mem:x\"",
                        "\"-Dquoted=say \\\"hi\\\"\"",
                        JavaCommand.RUNNER_MAIN)
                .doesNotContain("s3cret");
        assertThat(Files.readString(secrets)).contains("sonar.token=s3cret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(argFile)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)))
                .isEqualTo("rw-------");
    }

    @Test
    void aRealJvmReadsTheArgumentFileAndTheRunnerTheSecretsWhichItDeletes() throws Exception {
        // The runner is not on core's classpath: a JVM that prints its properties stands in for the argument file.
        Path argFile = temp.resolve("jvm.args");
        List<String> command = JavaCommand.build(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                List.of("-Xshare:auto"),
                Map.of("probe", "with space"),
                Map.of(),
                List.of(),
                "-XshowSettings:properties",
                List.of("-version"),
                argFile);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();

        assertThat(output).contains("probe = with space");
    }
}
