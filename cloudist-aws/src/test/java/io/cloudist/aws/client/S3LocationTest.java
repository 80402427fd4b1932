package io.cloudist.aws.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.core.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3LocationTest {
    @Test
    void splitsBucketAndPrefix() {
        S3Location location = S3Location.parse("s3://team-bucket/ci/cache/");

        assertThat(location.bucket()).isEqualTo("team-bucket");
        assertThat(location.prefix()).isEqualTo("ci/cache");
        assertThat(location.key("blobs/sha256/ab")).isEqualTo("ci/cache/blobs/sha256/ab");
        assertThat(location.runsPrefix()).isEqualTo("ci/cache/runs/");
        assertThat(location.uri("blobs/sha256/ab")).isEqualTo("s3://team-bucket/ci/cache/blobs/sha256/ab");
        assertThat(location).hasToString("s3://team-bucket/ci/cache");
    }

    @Test
    void aBucketAloneHasNoPrefix() {
        S3Location location = S3Location.parse("s3://team-bucket");

        assertThat(location.prefix()).isEmpty();
        assertThat(location.key("runs/r1/run.json")).isEqualTo("runs/r1/run.json");
        assertThat(location).hasToString("s3://team-bucket");
    }

    @Test
    void rejectsOtherLocationsNamingTheStoreProperty() {
        assertThatThrownBy(() -> S3Location.parse("/tmp/store"))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo("cloudist.store"));
        assertThatThrownBy(() -> S3Location.parse("s3://")).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void rejectsBucketNamesS3DoesNotAllow() {
        for (String location : List.of("s3://My_Bucket/ci", "s3://ab", "s3:///ci", "s3://-bucket")) {
            assertThatThrownBy(() -> S3Location.parse(location))
                    .as(location)
                    .isInstanceOfSatisfying(
                            ConfigurationException.class,
                            e -> assertThat(e.fix())
                                    .isEqualTo(
                                            "an S3 bucket name has 3 to 63 lower-case letters, digits, dots and hyphens"));
        }
    }

    @Test
    void mapsStoreKeysToObjectKeysAndBack() {
        S3Location location = S3Location.parse("s3://team-bucket/ci");

        assertThat(location.objectPrefix("runs/r1/")).isEqualTo("ci/runs/r1/");
        assertThat(location.storeKey("ci/runs/r1/run.json")).isEqualTo("runs/r1/run.json");
        assertThat(location.objectsArn()).isEqualTo("arn:aws:s3:::team-bucket/ci/*");
        assertThat(S3Location.parse("s3://team-bucket").objectsArn()).isEqualTo("arn:aws:s3:::team-bucket/*");
    }

    @Test
    void refusesKeysThatCouldNotComeFromStoreKeys() {
        S3Location location = S3Location.parse("s3://team-bucket/ci");

        for (String key : List.of("", "/runs/r1", "runs/../../etc", "..")) {
            assertThatThrownBy(() -> location.key(key)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void defaultStoreIsABucketOfTheAccountAndRegion() {
        assertThat(AwsNames.defaultStore("123456789012", "eu-west-1"))
                .isEqualTo(new S3Location("cloudist-123456789012-eu-west-1", ""));
    }
}
