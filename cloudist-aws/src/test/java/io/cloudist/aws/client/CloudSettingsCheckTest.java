package io.cloudist.aws.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudist.core.CloudistProperties;
import io.cloudist.core.ConfigurationException;
import io.cloudist.core.cloud.CloudSettings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The EC2 vocabulary refuses a value of the wrong form with an error that names the {@code -D} property, the bad value
 * and the values it takes (the plugin adds the POM element).
 */
class CloudSettingsCheckTest {
    @ParameterizedTest(name = "-D{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            cloudist.region                 | Europe       | such as eu-west-1 or us-east-1
            cloudist.instanceTypes          | large        | e.g. m7i.large,c7i.xlarge
            cloudist.ami                    | amzn2        | such as ami-0123456789abcdef0
            """)
    void aBadValueNamesPropertyValueAndWhatIsAccepted(String property, String value, String accepted) {
        ConfigurationException error = catchThrowableOfType(
                ConfigurationException.class, () -> CloudSettingsCheck.check(with(property, value)));

        assertThat(error).as("-D%s=%s", property, value).isNotNull();
        assertThat(error.parameter()).isEqualTo(property);
        assertThat(error.value()).isEqualTo(value);
        assertThat(error.fix()).contains(accepted);
        assertThat(error.getMessage())
                .startsWith("Invalid value '" + value + "' for ")
                .contains(accepted)
                .contains(property);
    }

    @Test
    void theFormsAwsUsesPass() {
        for (String region : List.of("us-east-1", "eu-central-2", "us-gov-west-1", "cn-north-1", "ap-southeast-5")) {
            assertThat(CloudSettingsCheck.check(with(CloudistProperties.REGION, region))
                            .region())
                    .isEqualTo(region);
        }
        for (String type : List.of("m7i.large", "c7gn.16xlarge", "u-6tb1.metal", "mac2-m2pro.metal")) {
            assertThat(CloudSettingsCheck.check(with(CloudistProperties.INSTANCE_TYPES, type))
                            .instanceTypes())
                    .containsExactly(type);
        }
        assertThat(CloudSettingsCheck.check(with(CloudistProperties.AMI, "ami-0123456789abcdef0"))
                        .ami())
                .isEqualTo("ami-0123456789abcdef0");
    }

    @Test
    void emptyValuesLeaveTheChoiceToAwsAndPass() {
        CloudSettings local = CloudSettings.local();

        assertThat(CloudSettingsCheck.check(local)).isSameAs(local);
        assertThat(CloudSettingsCheck.check(Settings.ec2())).isEqualTo(Settings.ec2());
    }

    private static CloudSettings with(String property, String value) {
        return new CloudSettings(
                "ec2",
                property.equals(CloudistProperties.REGION) ? value : "",
                "",
                1,
                2,
                property.equals(CloudistProperties.INSTANCE_TYPES) ? List.of(value) : List.of(),
                0,
                false,
                property.equals(CloudistProperties.AMI) ? value : "",
                5,
                12,
                21);
    }
}
