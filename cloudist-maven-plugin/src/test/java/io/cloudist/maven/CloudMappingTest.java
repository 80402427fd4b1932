package io.cloudist.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudist.core.CloudistProperties;
import io.cloudist.core.ConfigurationException;
import io.cloudist.core.cloud.CloudSettings;
import io.cloudist.core.cloud.ImageSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudMappingTest {
    final Map<String, String> user = new HashMap<>();
    final Map<String, Object> cloudist = new HashMap<>();

    @Test
    void localBackendIgnoresCloudParametersEvenWhenTheyAreWrong() {
        user.put(CloudistProperties.CPU_PER_WORKER, "zero");
        user.put(CloudistProperties.REGION, "eu-west-1");

        assertThat(settings()).isEqualTo(CloudSettings.local());
    }

    @Test
    void ec2DefaultsFollowCloudistProperties() {
        user.put(CloudistProperties.BACKEND, "ec2");

        CloudSettings settings = settings();

        assertThat(settings).isEqualTo(new CloudSettings("ec2", "", "", 1, 2, List.of(), 0, false, "", 5, 12, 21));
    }

    @Test
    void ec2ParametersAreParsedFromPropertiesAndConfiguration() {
        user.put(CloudistProperties.BACKEND, " EC2 ");
        user.put(CloudistProperties.REGION, "eu-west-1");
        user.put(CloudistProperties.PROFILE, "ci");
        user.put(CloudistProperties.CPU_PER_WORKER, "2");
        user.put(CloudistProperties.MEMORY_PER_WORKER, "3.5");
        cloudist.put("instanceTypes", "m7i.large, c7i.xlarge,");
        cloudist.put("maxPricePerHour", "0.25");
        cloudist.put("onDemandFallback", "true");
        cloudist.put("ami", "ami-0123");
        cloudist.put("idleMinutes", "0");

        CloudSettings settings = settings();

        assertThat(settings)
                .isEqualTo(new CloudSettings(
                        "ec2",
                        "eu-west-1",
                        "ci",
                        2,
                        3.5,
                        List.of("m7i.large", "c7i.xlarge"),
                        0.25,
                        true,
                        "ami-0123",
                        0,
                        12,
                        21));
    }

    @Test
    void theCloudVocabularyIsLeftToTheBackend() {
        user.put(CloudistProperties.BACKEND, "ec2");
        user.put(CloudistProperties.REGION, "Europe");
        cloudist.put("instanceTypes", "large");
        cloudist.put("ami", "amzn2");

        CloudSettings settings = settings();

        assertThat(settings.region()).isEqualTo("Europe");
        assertThat(settings.instanceTypes()).containsExactly("large");
        assertThat(settings.ami()).isEqualTo("amzn2");
    }

    @Test
    void javaFeatureVersionIsAskedOnlyForACloudBackend() {
        assertThat(CloudMapping.settings(sources(), "local", () -> {
                    throw new AssertionError("asked for the Java version of a local run");
                }))
                .isEqualTo(CloudSettings.local());
    }

    @Test
    void unknownBackendNamesBoth() {
        user.put(CloudistProperties.BACKEND, "mainframe");

        ConfigurationException error = error();

        assertThat(error.parameter()).isEqualTo(CloudistProperties.BACKEND);
        assertThat(error.value()).isEqualTo("mainframe");
        assertThat(error.fix()).isEqualTo("use local or ec2");
    }

    @Test
    void outOfRangeValuesNameTheirPropertyAndTheFix() {
        assertThat(errorFor(CloudistProperties.CPU_PER_WORKER, "0").fix()).contains("1 or more");
        assertThat(errorFor(CloudistProperties.CPU_PER_WORKER, "1.5").fix()).contains("whole number");
        assertThat(errorFor(CloudistProperties.MEMORY_PER_WORKER, "0").fix()).contains("above 0");
        assertThat(errorFor(CloudistProperties.MEMORY_PER_WORKER, "-2").parameter())
                .isEqualTo(CloudistProperties.MEMORY_PER_WORKER);
        assertThat(errorFor(CloudistProperties.MAX_PRICE_PER_HOUR, "-0.1").fix())
                .contains("0 or more");
        assertThat(errorFor(CloudistProperties.MAX_PRICE_PER_HOUR, "cheap").value())
                .isEqualTo("cheap");
        assertThat(errorFor(CloudistProperties.IDLE_MINUTES, "-1").fix()).contains("0 or more");
        assertThat(errorFor(CloudistProperties.ON_DEMAND_FALLBACK, "maybe").fix())
                .contains("true or false");
        assertThat(errorFor(CloudistProperties.MAX_INSTANCE_HOURS, "0").fix()).contains("1 or more");
        assertThat(errorFor(CloudistProperties.MAX_INSTANCE_HOURS, "169").fix()).contains("from 1 to 168");
    }

    @Test
    void theImageParametersReachTheCloudSettings() {
        user.put(CloudistProperties.BACKEND, "ec2");
        user.put(CloudistProperties.IMAGE, "false");
        cloudist.put("baseImage", " registry.example.com/jdk:21-fonts ");

        ImageSettings image = settings().image();

        assertThat(image.enabled()).isFalse();
        assertThat(image.baseImage()).isEqualTo("registry.example.com/jdk:21-fonts");
        assertThat(errorFor(CloudistProperties.IMAGE, "perhaps").fix()).contains("true or false");
    }

    @Test
    void setupReadsTheImageRetentionAndCleanupWhetherToDeleteTheImages() {
        user.put(CloudistProperties.IMAGE_RETENTION_DAYS, "9");
        user.put(CloudistProperties.DELETE_IMAGES, "true");

        ImageSettings image = CloudMapping.account(sources(), "ec2").image();

        assertThat(image.retentionDays()).isEqualTo(9);
        assertThat(image.deleteImages()).isTrue();
        user.put(CloudistProperties.IMAGE_RETENTION_DAYS, "0");
        assertThat(catchThrowableOfType(ConfigurationException.class, () -> CloudMapping.account(sources(), "ec2"))
                        .parameter())
                .isEqualTo(CloudistProperties.IMAGE_RETENTION_DAYS);
    }

    @Test
    void accountSettingsReadOnlyRegionAndProfile() {
        user.put(CloudistProperties.REGION, "us-east-2");
        user.put(CloudistProperties.PROFILE, "admin");
        user.put(CloudistProperties.CPU_PER_WORKER, "not read");

        CloudSettings settings = CloudMapping.account(sources(), "ec2");

        assertThat(settings.backend()).isEqualTo("ec2");
        assertThat(settings.region()).isEqualTo("us-east-2");
        assertThat(settings.profile()).isEqualTo("admin");
        assertThat(settings.cpuPerWorker()).isEqualTo(1);
    }

    private ConfigurationException errorFor(String property, String value) {
        user.clear();
        user.put(CloudistProperties.BACKEND, "ec2");
        user.put(property, value);
        return error();
    }

    private ConfigurationException error() {
        ConfigurationException error = catchThrowableOfType(ConfigurationException.class, this::settings);
        assertThat(error).as("an error for %s", user).isNotNull();
        return error;
    }

    private CloudSettings settings() {
        return CloudMapping.settings(sources(), "local", () -> 21);
    }

    private ParameterSources sources() {
        return new ParameterSources(user, cloudist, Map.of(), Map.of());
    }
}
