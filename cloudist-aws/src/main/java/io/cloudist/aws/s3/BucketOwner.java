package io.cloudist.aws.s3;

import io.cloudist.aws.client.AwsErrors;
import io.cloudist.core.CloudistException;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS account that must own the store's bucket, named on every S3 request ({@code x-amz-expected-bucket-owner}):
 * S3 refuses a request (403) when the bucket belongs to another account, so a bucket of the same name in someone
 * else's account is never read or written. The account is the credentials' own, found the way the AWS SDK finds
 * credentials: the account the credentials carry (SSO, a profile's {@code aws_account_id}, {@code AWS_ACCOUNT_ID}
 * beside access keys), else the SDK's {@code aws.accountId} system property or {@code AWS_ACCOUNT_ID} variable (how a
 * worker instance learns it from its user data), else STS {@code GetCallerIdentity}, which needs no permission.
 * Found once, on the store's first request.
 */
final class BucketOwner implements ExecutionInterceptor {
    static final String HEADER = "x-amz-expected-bucket-owner";
    static final String PROPERTY = "aws.accountId";
    static final String VARIABLE = "AWS_ACCOUNT_ID";

    private final Supplier<String> lookUp;
    private String account;

    BucketOwner(Supplier<String> lookUp) {
        this.lookUp = lookUp;
    }

    /** The owner of the bucket at {@code location}, looked up with these credentials, region and HTTP client. */
    static BucketOwner of(
            String location, AwsCredentialsProvider credentials, Region region, String profile, SdkHttpClient http) {
        return new BucketOwner(() -> credentials
                .resolveCredentials()
                .accountId()
                .or(() -> configured(System.getProperty(PROPERTY)))
                .or(() -> configured(System.getenv(VARIABLE)))
                .orElseGet(() -> callerAccount(location, credentials, region, profile, http)));
    }

    /** The account id, looked up on first use. */
    synchronized String account() {
        if (account == null) {
            account = lookUp.get();
        }
        return account;
    }

    /** The account id if it has been looked up, for messages: never looks it up. */
    synchronized Optional<String> known() {
        return Optional.ofNullable(account);
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(
            Context.ModifyHttpRequest context, ExecutionAttributes executionAttributes) {
        SdkHttpRequest request = context.httpRequest();
        return request.firstMatchingHeader(HEADER).isPresent()
                ? request
                : request.toBuilder().putHeader(HEADER, account()).build();
    }

    private static Optional<String> configured(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static String callerAccount(
            String location, AwsCredentialsProvider credentials, Region region, String profile, SdkHttpClient http) {
        try (StsClient sts = StsClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(http)
                .overrideConfiguration(o -> {
                    if (!profile.isEmpty()) {
                        o.defaultProfileName(profile);
                    }
                })
                .build()) {
            return sts.getCallerIdentity().account();
        } catch (SdkException e) {
            String why = AwsErrors.translate("sts:GetCallerIdentity", e, profile)
                    .getMessage()
                    .replaceFirst("\\.$", "");
            throw new CloudistException(
                    "Cannot learn the AWS account of the credentials for " + location
                            + ", which cloudist names as the bucket's expected owner on every S3 request: " + why
                            + ". To skip this lookup, set AWS_ACCOUNT_ID (or the system property aws.accountId) to the account"
                            + " that owns the bucket.",
                    e);
        }
    }
}
