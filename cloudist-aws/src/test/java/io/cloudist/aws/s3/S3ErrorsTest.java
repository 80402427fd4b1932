package io.cloudist.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.cloudist.aws.client.S3Location;
import io.cloudist.core.CloudistException;
import io.cloudist.core.CloudistProperties;
import io.cloudist.core.ConfigurationException;
import io.cloudist.core.store.StoreUnavailableException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The messages for answers that s3proxy never gives: S3's own redirects and permission errors. */
class S3ErrorsTest {
    private final S3Errors errors = new S3Errors(S3Location.parse("s3://team-bucket/ci"), "us-east-1", "");

    private static S3Exception answer(int status, String code, String bucketRegion) {
        SdkHttpResponse.Builder http = SdkHttpResponse.builder().statusCode(status);
        if (bucketRegion != null) {
            http.putHeader("x-amz-bucket-region", bucketRegion);
        }
        return (S3Exception) S3Exception.builder()
                .statusCode(status)
                .message("from S3")
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage("from S3")
                        .serviceName("S3")
                        .sdkHttpResponse(http.build())
                        .build())
                .build();
    }

    @Test
    void aBucketInAnotherRegionNamesThatRegionAndTheProperty() {
        CloudistException e = errors.translate(answer(301, null, "eu-west-1"), S3Action.CHECK_BUCKET, null);

        assertThat(e).asInstanceOf(type(ConfigurationException.class)).satisfies(c -> {
            assertThat(c.parameter()).isEqualTo(CloudistProperties.REGION);
            assertThat(c.value()).isEqualTo("us-east-1");
            assertThat(c.fix()).contains("team-bucket").contains("-Dcloudist.region=eu-west-1");
        });
    }

    @Test
    void aRedirectWithoutRegionHeaderSaysHowToFindTheRegion() {
        CloudistException e = errors.translate(answer(301, "PermanentRedirect", null), S3Action.GET, "ci/x");

        assertThat(e).isInstanceOf(ConfigurationException.class).hasMessageContaining("get-bucket-location");
    }

    @Test
    void accessDeniedNamesTheActionAndResourceToGrant() {
        CloudistException e = errors.translate(answer(403, "AccessDenied", "us-east-1"), S3Action.PUT, "ci/runs/r");

        assertThat(e)
                .isExactlyInstanceOf(CloudistException.class)
                .hasMessageContaining("s3://team-bucket/ci/runs/r")
                .hasMessageContaining("grant s3:PutObject on arn:aws:s3:::team-bucket/ci/*");
    }

    @Test
    void accessDeniedOnAReadAlsoAsksForListBucket() {
        CloudistException e = errors.translate(answer(403, "AccessDenied", null), S3Action.HEAD, "ci/blobs/x");

        assertThat(e)
                .hasMessageContaining("s3:GetObject on arn:aws:s3:::team-bucket/ci/*")
                .hasMessageContaining("s3:ListBucket on arn:aws:s3:::team-bucket");
    }

    @Test
    void listingNeedsListBucketOnTheBucket() {
        CloudistException e = errors.translate(answer(403, "AccessDenied", null), S3Action.LIST, "ci/runs/");

        assertThat(e).hasMessageContaining("grant s3:ListBucket on arn:aws:s3:::team-bucket to");
    }

    @Test
    void missingCredentialsSayHowToProvideThem() {
        CloudistException e = errors.translate(
                SdkClientException.create("Unable to load credentials from any of the providers in the chain"),
                S3Action.GET,
                "ci/x");

        assertThat(e)
                .hasMessageStartingWith("No AWS credentials for s3://team-bucket/ci")
                .hasMessageContaining("AWS_PROFILE")
                .hasMessageContaining("-Dcloudist.profile");
    }

    @Test
    void anExpiredSessionOfAProfileSaysHowToRefreshIt() {
        S3Errors ofProfile = new S3Errors(S3Location.parse("s3://team-bucket/ci"), "us-east-1", "dev");

        CloudistException e = ofProfile.translate(answer(400, "ExpiredToken", null), S3Action.GET, "ci/x");

        assertThat(e)
                .isExactlyInstanceOf(CloudistException.class)
                .hasMessage("The AWS credentials of profile 'dev' have expired (ExpiredToken) for s3://team-bucket/ci:"
                        + " refresh them with `aws sso login --profile dev` for an SSO profile, or get new session"
                        + " keys for it; or use another profile with <profile> (-Dcloudist.profile).");
    }

    @Test
    void anSsoSessionThatExpiredBeforeAnyRequestSaysHowToRefreshIt() {
        S3Errors ofProfile = new S3Errors(S3Location.parse("s3://team-bucket/ci"), "us-east-1", "dev");

        CloudistException e = ofProfile.noCredentials(SdkClientException.create("Unable to load credentials from"
                + " any of the providers in the chain: The SSO session associated with this profile has expired or"
                + " is otherwise invalid."));

        assertThat(e)
                .hasMessageStartingWith("The AWS session of profile 'dev' has expired for s3://team-bucket/ci")
                .hasMessageContaining("aws sso login --profile dev");
    }

    @Test
    void aRegionNamedOnlyInS3sMessageIsStillFound() {
        S3Exception malformed = (S3Exception) S3Exception.builder()
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AuthorizationHeaderMalformed")
                        .errorMessage("The authorization header is malformed; the region 'us-east-1' is wrong;"
                                + " expecting 'eu-central-1'")
                        .build())
                .build();

        CloudistException e = errors.translate(malformed, S3Action.LIST, "ci/");

        assertThat(e)
                .asInstanceOf(type(ConfigurationException.class))
                .satisfies(c -> assertThat(c.fix()).contains("-Dcloudist.region=eu-central-1"));
    }

    @Test
    void serverErrorsThatOutlastTheRetriesKeepS3sCode() {
        CloudistException e = errors.translate(answer(503, "SlowDown", null), S3Action.PUT, "ci/blobs/x");

        assertThat(e)
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("S3 could not write s3://team-bucket/ci/blobs/x (HTTP 503 SlowDown: from S3)");
    }

    @Test
    void onlyWhatTimeMayMendIsAnOutageToRideOut() {
        assertThat(errors.translate(answer(500, "InternalError", null), S3Action.GET, "ci/x"))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(errors.translate(
                        SdkClientException.create("Unable to execute HTTP request", new SocketException("reset")),
                        S3Action.GET,
                        "ci/x"))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("SocketException: reset");
        assertThat(errors.translate(answer(403, "AccessDenied", null), S3Action.GET, "ci/x"))
                .isNotInstanceOf(StoreUnavailableException.class);
        assertThat(errors.translate(answer(404, "NoSuchBucket", null), S3Action.GET, "ci/x"))
                .isNotInstanceOf(StoreUnavailableException.class);
        assertThat(errors.translate(answer(400, "InvalidArgument", null), S3Action.GET, "ci/x"))
                .isNotInstanceOf(StoreUnavailableException.class);
        assertThat(errors.translate(SdkClientException.create("Unable to load credentials"), S3Action.GET, "ci/x"))
                .isNotInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void timeoutsSaySo() {
        CloudistException e =
                errors.translate(ApiCallTimeoutException.create(180_000), S3Action.GET, "ci/runs/r/run.json");

        assertThat(e)
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("S3 could not read s3://team-bucket/ci/runs/r/run.json: timed out after retries");
    }
}
