package io.cloudist.aws.setup;

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

        assertThat(e).hasMessageStartingWith("AWS denied iam:CreateRole: grant iam:CreateRole to the IAM user or role")
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

        assertThat(e).hasMessageStartingWith("No AWS credentials found")
                .hasMessageContaining("aws configure")
                .hasMessageContaining("-Dcloudist.profile")
                .hasMessageContaining("AWS_ACCESS_KEY_ID");
    }

    @Test
    void rejectedCredentialsAreNamedAsSuch() {
        assertThat(AwsErrors.translate("ec2:DescribeVpcs", service("AuthFailure", "bad key")))
                .hasMessageStartingWith("AWS rejected the credentials (AuthFailure)");
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

        assertThat(AwsErrors.translate("ec2:DescribeVpcs", e)).hasMessageStartingWith("Cannot reach AWS")
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
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .build();
    }
}
