package io.cloudist.aws.s3;

import io.cloudist.aws.client.CredentialErrors;
import io.cloudist.aws.client.S3Location;
import io.cloudist.core.CloudistException;
import io.cloudist.core.CloudistProperties;
import io.cloudist.core.ConfigurationException;
import io.cloudist.core.store.StoreUnavailableException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns the SDK's exceptions into cloudist's: a missing bucket or a bucket in another region is a
 * {@link ConfigurationException} with the fix; missing, wrong or forbidden credentials name what to provide or grant.
 * Messages carry S3's error code, never an SDK stack trace. What S3's own retries could not mend but time may
 * (throttling, 5xx, timeouts, I/O errors) is a {@link StoreUnavailableException}.
 */
final class S3Errors {
    static final String CREDENTIALS_FIX = "provide AWS credentials: set AWS_PROFILE or -D" + CloudistProperties.PROFILE
            + " to a profile in ~/.aws (aws configure or aws sso login writes one), set AWS_ACCESS_KEY_ID and"
            + " AWS_SECRET_ACCESS_KEY, or run on an EC2 instance with an instance profile";
    private static final Set<String> REGION_CODES =
            Set.of("PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException");

    private static final Pattern EXPECTING = Pattern.compile("expecting '([a-z0-9-]+)'");

    private final S3Location location;
    private final String region;
    private final String profile;
    private final Supplier<Optional<String>> owner;

    /** @param profile the AWS profile in use, "" for the default credentials chain */
    S3Errors(S3Location location, String region, String profile) {
        this(location, region, profile, Optional::empty);
    }

    /** @param owner the account named as the bucket's expected owner, once known */
    S3Errors(S3Location location, String region, String profile, Supplier<Optional<String>> owner) {
        this.location = location;
        this.region = region;
        this.profile = profile;
        this.owner = owner;
    }

    /** No credentials could be found (or the named profile has none). */
    CloudistException noCredentials(SdkException e) {
        if (CredentialErrors.isExpiredSession(e)) {
            return new CloudistException(CredentialErrors.expiredSession(profile, "for " + location), e);
        }
        String which = profile.isEmpty() ? "" : " in profile '" + profile + "'";
        return new CloudistException("No AWS credentials" + which + " for " + location + ": " + CREDENTIALS_FIX, e);
    }

    /** The exception to throw instead of {@code e}, raised while doing {@code action} on {@code objectKey}. */
    CloudistException translate(SdkException e, S3Action action, String objectKey) {
        if (e instanceof AwsServiceException service) {
            return service(service, action, objectKey);
        }
        String what = "S3 could not " + action.verb + " " + target(action, objectKey);
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new StoreUnavailableException(what + ": timed out after retries", e);
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("Unable to load region")) {
            return noRegion();
        }
        if (message.toLowerCase(Locale.ROOT).contains("credentials")) {
            return noCredentials(e);
        }
        return new StoreUnavailableException(what + " (after retries): " + rootMessage(e), e);
    }

    /** The region could not be found in the SDK's default chain. */
    static ConfigurationException noRegion() {
        return new ConfigurationException(
                CloudistProperties.REGION,
                "",
                "no AWS region is configured; set -D" + CloudistProperties.REGION
                        + "=<region>, AWS_REGION, or region in the profile in ~/.aws/config");
    }

    private CloudistException service(AwsServiceException e, S3Action action, String objectKey) {
        int status = e.statusCode();
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details == null || details.errorCode() == null ? "" : details.errorCode();
        Optional<String> bucketRegion = details == null || details.sdkHttpResponse() == null
                ? Optional.empty()
                : details.sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region");
        boolean otherRegion = bucketRegion.filter(r -> !r.equals(region)).isPresent();
        if (status == 301 || REGION_CODES.contains(code) || (otherRegion && status >= 300 && status != 404)) {
            String fix = bucketRegion
                    .or(() -> expectedRegion(details))
                    .map(r -> "bucket '" + location.bucket() + "' is in region " + r + "; set -D"
                            + CloudistProperties.REGION + "=" + r + " (or <region>" + r + "</region>)")
                    .orElse("bucket '" + location.bucket() + "' is in another region; set -D"
                            + CloudistProperties.REGION + " to its region (aws s3api get-bucket-location --bucket "
                            + location.bucket() + ")");
            return new ConfigurationException(CloudistProperties.REGION, region, fix);
        }
        if (code.equals("NoSuchBucket") || (status == 404 && action == S3Action.CHECK_BUCKET)) {
            return new ConfigurationException(
                    CloudistProperties.STORE,
                    location.toString(),
                    "bucket '" + location.bucket() + "' does not exist in " + region + "; run mvn cloudist:setup -D"
                            + CloudistProperties.REGION + "=" + region + " or point -D" + CloudistProperties.STORE
                            + " at an existing bucket");
        }
        if (CredentialErrors.isCredentialError(code)) {
            return new CloudistException(CredentialErrors.rejected(code, profile, "for " + location), e);
        }
        if (status == 403) {
            String resource = action.onBucket ? location.bucketArn() : location.objectsArn();
            String hint = action == S3Action.GET || action == S3Action.HEAD
                    ? " and s3:ListBucket on " + location.bucketArn()
                            + " (without it S3 answers 403 instead of 404 for a missing key)"
                    : "";
            return new CloudistException(
                    "Access denied: S3 refused to " + action.verb + " " + target(action, objectKey) + " (" + code
                            + "); grant " + action.permission + " on " + resource + hint
                            + " to the user or role cloudist runs as" + otherOwner(),
                    e);
        }
        String message = "S3 could not " + action.verb + " " + target(action, objectKey) + " (HTTP " + status
                + (code.isEmpty() ? "" : " " + code)
                + (details == null || details.errorMessage() == null ? "" : ": " + details.errorMessage()) + ")";
        boolean retryable = status >= 500 || e.isThrottlingException() || code.equals("RequestTimeout");
        return retryable ? new StoreUnavailableException(message, e) : new CloudistException(message, e);
    }

    /** S3 answers 403 as well when the bucket is not the expected owner's. */
    private String otherOwner() {
        return owner.get()
                .map(account -> "; or bucket '" + location.bucket() + "' belongs to another AWS account than "
                        + account + ", the account of these credentials, which cloudist expects to own it: point -D"
                        + CloudistProperties.STORE + " at a bucket of that account")
                .orElse("");
    }

    /** S3's AuthorizationHeaderMalformed says "the region 'us-east-1' is wrong; expecting 'eu-west-1'". */
    private static Optional<String> expectedRegion(AwsErrorDetails details) {
        Matcher matcher =
                EXPECTING.matcher(details == null || details.errorMessage() == null ? "" : details.errorMessage());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private String target(S3Action action, String objectKey) {
        return action.onBucket || objectKey == null
                ? location.toString()
                : "s3://" + location.bucket() + "/" + objectKey;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
