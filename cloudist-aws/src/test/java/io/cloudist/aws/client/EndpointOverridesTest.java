package io.cloudist.aws.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EndpointOverridesTest {
    @Test
    void noOverrideMeansAwsItself() {
        assertThat(EndpointOverrides.s3(Map.of(), new Properties())).isEmpty();
    }

    @Test
    void theS3SpecificSettingWinsOverTheGlobalOne() {
        Properties properties = new Properties();
        properties.setProperty("aws.endpointUrl", "http://global:1");

        assertThat(EndpointOverrides.s3(Map.of("AWS_ENDPOINT_URL_S3", "http://s3:2"), properties))
                .isEqualTo("http://s3:2");
    }

    @Test
    void systemPropertiesWinOverTheEnvironment() {
        Properties properties = new Properties();
        properties.setProperty("aws.endpointUrlS3", "http://property:1");

        assertThat(EndpointOverrides.s3(Map.of("AWS_ENDPOINT_URL_S3", "http://env:2"), properties))
                .isEqualTo("http://property:1");
        assertThat(EndpointOverrides.s3(Map.of("AWS_ENDPOINT_URL", "http://env:3"), new Properties()))
                .isEqualTo("http://env:3");
    }

    @Test
    void theRegistryIsOverriddenByCloudistsOwnPropertyOrVariableOnly() {
        Properties properties = new Properties();
        properties.setProperty("aws.endpointUrl", "http://global:1");

        assertThat(EndpointOverrides.registry(Map.of(), properties)).isEmpty();
        assertThat(EndpointOverrides.registry(
                        Map.of("CLOUDIST_REGISTRY_ENDPOINT", "http://127.0.0.1:5000"), properties))
                .isEqualTo("http://127.0.0.1:5000");
        properties.setProperty("cloudist.registryEndpoint", "http://127.0.0.1:6000");
        assertThat(EndpointOverrides.registry(
                        Map.of("CLOUDIST_REGISTRY_ENDPOINT", "http://127.0.0.1:5000"), properties))
                .isEqualTo("http://127.0.0.1:6000");
    }
}
