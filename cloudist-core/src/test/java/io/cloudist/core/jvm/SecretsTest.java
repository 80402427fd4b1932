package io.cloudist.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void namesAndValuesThatLookSecret() {
        assertThat(Secrets.looksSecret("sonar.token", "x")).isTrue();
        assertThat(Secrets.looksSecret("db.password", "x")).isTrue();
        assertThat(Secrets.looksSecret("gpg.passphrase", "x")).isTrue();
        assertThat(Secrets.looksSecret("aws.secretAccessKey", "x")).isTrue();
        assertThat(Secrets.looksSecret("AWS_REGION", "eu-west-1")).isTrue();
        assertThat(Secrets.looksSecret("stripe.apiKey", "x")).isTrue();
        assertThat(Secrets.looksSecret("CI_JOB_TOKEN", "x")).isTrue();
        assertThat(Secrets.looksSecret("innocent", "AKIAIOSFODNN7EXAMPLE")).isTrue();
        assertThat(Secrets.looksSecret("innocent", "ghp_" + "a".repeat(36))).isTrue();
        assertThat(Secrets.looksSecret("key", "-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----"))
                .isTrue();

        assertThat(Secrets.looksSecret("db.url", "jdbc:h2:mem:test")).isFalse();
        assertThat(Secrets.looksSecret("user.timezone", "UTC")).isFalse();
        assertThat(Secrets.looksSecret("tokenizer.mode", "x")).isTrue(); // rather one too many than one too few
    }

    @Test
    void theSecretsOfATestJvmAreWithheldUnlessAllowedByName() {
        TestJvmSpec jvm = new TestJvmSpec(
                Path.of("java"),
                "-Xmx1g -Dlicense.key=abc -Dplain=1",
                Map.of("sonar.token", "t", "db.url", "jdbc:x", "allowed.password", "p"),
                Map.of("DB_PASSWORD", "pw", "TZ", "UTC"),
                Path.of("."),
                List.of());

        TestJvmSecrets secrets = TestJvmSecrets.of(jvm, Set.of("allowed.password"));

        assertThat(secrets.jvmArguments()).containsExactly("-Xmx1g", "-Dplain=1");
        assertThat(secrets.systemProperties()).containsOnlyKeys("db.url", "allowed.password");
        assertThat(secrets.environment()).containsOnlyKeys("TZ");
        assertThat(secrets.withheldProperties()).containsOnlyKeys("license.key", "sonar.token");
        assertThat(secrets.withheldEnvironment()).containsOnlyKeys("DB_PASSWORD");
        assertThat(secrets.withheldNames())
                .containsExactly("-Dlicense.key", "-Dsonar.token", "$DB_PASSWORD")
                .noneMatch(n -> n.contains("pw") || n.contains("=t"));
    }
}
