package io.cloudist.aws.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.CloudistException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.iam.model.IamException;

class AwsErrorsTest {
    @Test
    void accessDeniedNamesTheActionToGrant() {
        CloudistException e = AwsErrors.translate("iam:CreateRole", service("AccessDenied", "User is not authorized"));

        assertThat(e)
                .hasMessageStartingWith("AWS denied iam:CreateRole: grant iam:CreateRole to the IAM user or role")
                .hasMessageContaining("User is not authorized");
    }

    @Test
    void unauthorizedOperationIsDeniedToo() {
        assertThat(AwsErrors.translate("ec2:RunInstances", service("UnauthorizedOperation", "no")))
                .hasMessageStartingWith("AWS denied ec2:RunInstances");
    }

    @Test
    void missingCredentialsSayWhatToConfigure() {
        CloudistException e = AwsErrors.translate(
                "sts:GetCallerIdentity",
                SdkClientException.create("Unable to load credentials from any of the providers in the chain"));

        assertThat(e)
                .hasMessageStartingWith("No AWS credentials found")
                .hasMessageContaining("aws configure")
                .hasMessageContaining("-Dcloudist.profile")
                .hasMessageContaining("AWS_ACCESS_KEY_ID");
    }

    @Test
    void rejectedCredentialsOfAnUnknownSourceSayWhatToCheck() {
        assertThat(AwsErrors.translate("ec2:DescribeVpcs", service("AuthFailure", "bad key")))
                .hasMessageStartingWith(
                        "The AWS credentials in use are not valid (AuthFailure) during ec2:DescribeVpcs")
                .hasMessageContaining("<profile> (-Dcloudist.profile)");
    }

    @Test
    void expiredCredentialsOfAProfileSayHowToRefreshThem() {
        CloudistException e = AwsErrors.translate(
                "sts:GetCallerIdentity",
                service("ExpiredTokenException", "The security token included in the request" + " is expired"),
                "dev");

        assertThat(e)
                .hasMessage("The AWS credentials of profile 'dev' have expired (ExpiredTokenException) during"
                        + " sts:GetCallerIdentity: refresh them with `aws sso login --profile dev` for an SSO profile, or get"
                        + " new session keys for it; or use another profile with <profile> (-Dcloudist.profile).");
    }

    @Test
    void requestExpiredAlsoPointsAtTheClock() {
        assertThat(AwsErrors.translate("ec2:RunInstances", service("RequestExpired", "Request has expired"), "ci"))
                .hasMessageStartingWith("The AWS credentials of profile 'ci' have expired (RequestExpired)")
                .hasMessageContaining("clock");
    }

    @Test
    void anSsoSessionThatExpiredBeforeTheCallNamesTheProfile() {
        CloudistException e = AwsErrors.translate(
                "sts:GetCallerIdentity",
                SdkClientException.create("Unable to load"
                        + " credentials from any of the providers in the chain: the SSO session has expired"),
                "dev");

        assertThat(e)
                .hasMessageStartingWith("The AWS session of profile 'dev' has expired during sts:GetCallerIdentity")
                .hasMessageContaining("aws sso login --profile dev");
    }

    @Test
    void missingRegionNamesTheRegionProperty() {
        assertThat(AwsErrors.translate("creating an AWS client", SdkClientException.create("Unable to load region")))
                .hasMessageContaining("-Dcloudist.region");
    }

    @Test
    void unreachableEndpointPointsAtTheRegion() {
        SdkClientException e = SdkClientException.builder()
                .message("Received an UnknownHostException")
                .cause(new UnknownHostException("ec2.eu-westt-1.amazonaws.com"))
                .build();

        assertThat(AwsErrors.translate("ec2:DescribeVpcs", e))
                .hasMessageStartingWith("Cannot reach AWS")
                .hasMessageContaining("-Dcloudist.region");
    }

    @Test
    void otherErrorsKeepTheActionAndCode() {
        assertThat(AwsErrors.translate("iam:PutRolePolicy", service("MalformedPolicyDocument", "bad")))
                .hasMessageStartingWith("iam:PutRolePolicy failed with MalformedPolicyDocument");
    }

    private static IamException service(String code, String message) {
        return (IamException) IamException.builder()
                .message(message)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .build())
                .build();
    }
}
