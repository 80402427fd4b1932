package io.cloudist.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudist.core.CloudistProperties;
import io.cloudist.core.ConfigurationException;
import io.cloudist.core.cloud.CloudSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StoreLocationsTest {
    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "target/store",
                "/var/cloudist/store",
                "./odd:name",
                "C:\\cloudist\\store",
                "file:/var/cloudist/store",
                "s3://my-bucket",
                "s3://my-bucket/",
                "s3://my.bucket-2/team/cloudist"
            })
    void directoriesFileUrisAndS3UrisThatNameABucketPass(String location) {
        assertThat(StoreLocations.check(location)).isEqualTo(location);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "target/store", "./odd:name", "C:\\cloudist\\store", "file:/var/cloudist/store"})
    void directoriesAndFileUrisAreLocal(String location) {
        assertThat(StoreLocations.isLocal(location)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://my-bucket", "s3://my.bucket-2/team/cloudist", "gs://elsewhere"})
    void otherUrisAreNot(String location) {
        assertThat(StoreLocations.isLocal(location)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            s3:/bad                | write it as s3://bucket/prefix
            s3:bucket/prefix       | write it as s3://bucket/prefix
            S3://bucket            | write it as s3://bucket/prefix
            s3://                  | name a bucket of 3 to 63 lower-case letters
            s3:///prefix           | name a bucket of 3 to 63 lower-case letters
            s3://My_Bucket/prefix  | name a bucket of 3 to 63 lower-case letters
            http://example.com/x   | use a directory path, or s3://bucket/prefix
            gs://bucket            | use a directory path, or s3://bucket/prefix
            store:1                | a directory whose name has a colon is written ./name
            """)
    void aMalformedLocationIsAConfigurationErrorOfTheStore(String location, String fix) {
        ConfigurationException error =
                catchThrowableOfType(ConfigurationException.class, () -> StoreLocations.check(location));

        assertThat(error).as(location).isNotNull();
        assertThat(error.parameter()).isEqualTo(CloudistProperties.STORE);
        assertThat(error.value()).isEqualTo(location);
        assertThat(error.fix()).contains(fix);
    }

    @Test
    void storesOpensNoDirectoryForAMalformedUri() throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        ConfigurationException error = catchThrowableOfType(
                ConfigurationException.class,
                () -> Stores.open("s3:/cloudist-malformed-store", directory, CloudSettings.local()));

        assertThat(error).isNotNull();
        assertThat(error.fix()).isEqualTo("write it as s3://bucket/prefix");
        try (Stream<Path> files = Files.list(cwd)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("s3:");
        }
    }

    @Test
    void storesStillOpensADirectory() {
        Store store = Stores.open(directory.resolve("store").toString(), directory, CloudSettings.local());

        assertThat(store.location()).isEqualTo(directory.resolve("store").toString());
    }
}
