package io.cloudist.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.cloudist.core.CloudistException;
import io.cloudist.core.CloudistProperties;
import io.cloudist.core.ConfigurationException;
import io.cloudist.core.cloud.CloudSettings;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when the store cannot be used, against a real S3 server. */
class S3StoreErrorsTest {
    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension();

    @TempDir
    Path temp;

    @Test
    void anS3LocationOpensAnS3StoreThroughTheServiceLoader() {
        String bucket = S3.createBucket();
        try (Store store = Stores.open("s3://" + bucket + "/ci/", temp)) {
            assertThat(store).isInstanceOf(S3Store.class);
            assertThat(store.location()).isEqualTo("s3://" + bucket + "/ci");
        }
    }

    @Test
    void anEc2RunsRegionOfTheWrongFormFailsBeforeTheStoreOpens() {
        CloudSettings europe = new CloudSettings("ec2", "Europe", "", 1, 2, List.of(), 0, false, "", 5, 12, 17);

        assertThatThrownBy(() -> Stores.open("s3://" + S3.createBucket(), temp, europe))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo(CloudistProperties.REGION));
    }

    @Test
    void aMissingBucketIsAConfigurationErrorThatSaysHowToCreateIt() {
        assertThatThrownBy(() -> Stores.open("s3://cloudist-no-such-bucket/ci", temp))
                .asInstanceOf(type(ConfigurationException.class))
                .satisfies(e -> {
                    assertThat(e.parameter()).isEqualTo(CloudistProperties.STORE);
                    assertThat(e.value()).isEqualTo("s3://cloudist-no-such-bucket/ci");
                    assertThat(e.fix())
                            .contains("mvn cloudist:setup -Dcloudist.region=us-east-1")
                            .contains("-Dcloudist.store");
                });
    }

    @Test
    void wrongCredentialsAreACleanErrorWithoutTheSdkStackTrace() {
        String bucket = S3.createBucket();
        S3.setProperty("aws.secretAccessKey", "not-the-secret");
        try {
            assertThatThrownBy(() -> Stores.open("s3://" + bucket, temp))
                    .isExactlyInstanceOf(CloudistException.class)
                    .hasMessage("The AWS credentials in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY are not valid"
                            + " (SignatureDoesNotMatch) for s3://" + bucket + ": check AWS_ACCESS_KEY_ID,"
                            + " AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, or unset them to use a profile with"
                            + " <profile> (-Dcloudist.profile).");
        } finally {
            S3.setProperty("aws.secretAccessKey", S3ProxyExtension.SECRET_KEY);
        }
    }

    @Test
    void aProfileWithAWrongSecretNamesTheProfileAndHowToFixIt() throws Exception {
        useCredentialsFile("[ci]\naws_access_key_id = " + S3ProxyExtension.ACCESS_KEY
                + "\naws_secret_access_key = not-the-secret\n");
        try (S3Store store = S3Store.open("s3://" + S3.createBucket(), "", "ci")) {
            assertThatThrownBy(store::checkBucket)
                    .isExactlyInstanceOf(CloudistException.class)
                    .hasMessageStartingWith("The AWS credentials of profile 'ci' are not valid (SignatureDoesNotMatch)")
                    .hasMessageContaining("aws configure --profile ci")
                    .hasMessageContaining("aws sso login --profile ci")
                    .hasMessageContaining("<profile> (-Dcloudist.profile)");
        }
    }

    @Test
    void aProfileWithAnUnknownAccessKeyIsRefusedAsInvalid() throws Exception {
        useCredentialsFile("[ci]\naws_access_key_id = AKIANOSUCHKEY\naws_secret_access_key = whatever\n");
        try (S3Store store = S3Store.open("s3://" + S3.createBucket(), "", "ci")) {
            assertThatThrownBy(store::checkBucket)
                    .isExactlyInstanceOf(CloudistException.class)
                    .hasMessageStartingWith("The AWS credentials of profile 'ci' are not valid (InvalidAccessKeyId)");
        }
    }

    private void useCredentialsFile(String content) throws Exception {
        Path credentials = Files.writeString(temp.resolve("credentials"), content);
        S3.setProperty("aws.sharedCredentialsFile", credentials.toString());
        S3.setProperty(
                "aws.configFile", Files.writeString(temp.resolve("config"), "").toString());
    }

    @Test
    void aProfileWithoutCredentialsSaysHowToProvideThem() throws Exception {
        Path empty = Files.writeString(temp.resolve("aws-config"), "");
        S3.setProperty("aws.configFile", empty.toString());
        S3.setProperty("aws.sharedCredentialsFile", empty.toString());
        try (S3Store store = S3Store.open("s3://" + S3.createBucket(), "", "cloudist-no-such-profile")) {
            assertThatThrownBy(store::checkBucket)
                    .isExactlyInstanceOf(CloudistException.class)
                    .hasMessageStartingWith("No AWS credentials in profile 'cloudist-no-such-profile'")
                    .hasMessageContaining("aws configure")
                    .hasMessageContaining("instance profile");
        }
    }

    @Test
    void aWrongRegionNameIsStillSignedAndTheServerAnswers() {
        // s3proxy ignores the region; S3 itself answers 301, which S3ErrorsTest covers.
        try (S3Store store = S3Store.open("s3://" + S3.createBucket(), "eu-west-3", "")) {
            assertThat(store.region()).isEqualTo("eu-west-3");
            assertThat(store.exists("x")).isFalse();
        }
    }
}
