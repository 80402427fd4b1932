package io.cloudist.aws.client;

import io.cloudist.core.CloudistException;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns AWS SDK exceptions into {@link CloudistException}s that say what to do: which IAM action to grant, which
 * credentials or region to configure. The SDK's own text is kept only as detail.
 */
public final class AwsErrors {
    private static final Set<String> DENIED =
            Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess", "Forbidden");
    private static final Set<String> BAD_REGION = Set.of("OptInRequired", "InvalidRegion", "InvalidEndpoint");

    private static final String WHO_AM_I = "sts:GetCallerIdentity";

    private AwsErrors() {}

    /**
     * Runs one AWS call.
     *
     * @param action the IAM action the call needs, e.g. {@code iam:CreateRole}
     */
    public static <T> T call(String action, Supplier<T> call) {
        return call(action, null, call);
    }

    /**
     * Runs one AWS call, naming {@code profile} should AWS refuse its credentials.
     *
     * @param profile the profile cloudist was given, "" for the AWS default chain, or null when not known
     */
    public static <T> T call(String action, String profile, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw translate(action, e, profile);
        }
    }

    /** The error code of an AWS service exception, or "" for any other exception. */
    public static String code(Throwable e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            return code == null ? "" : code;
        }
        return "";
    }

    /** A {@link CloudistException} that names the fix for {@code e}, thrown while doing {@code action}. */
    public static CloudistException translate(String action, SdkException e) {
        return translate(action, e, null);
    }

    /**
     * A {@link CloudistException} that names the fix for {@code e}, thrown while doing {@code action}.
     *
     * @param profile the profile cloudist was given, "" for the AWS default chain, or null when not known
     */
    public static CloudistException translate(String action, SdkException e, String profile) {
        String code = code(e);
        String detail = e.getMessage() == null ? "" : " (AWS said: " + e.getMessage() + ")";
        if (DENIED.contains(code)) {
            return new CloudistException(
                    "AWS denied " + action + ": grant " + action + " to the IAM user or role that runs cloudist"
                            + detail,
                    e);
        }
        if (CredentialErrors.isCredentialError(code)) {
            return new CloudistException(CredentialErrors.rejected(code, profile, "during " + action), e);
        }
        if (code.isEmpty()
                && action.equals(WHO_AM_I)
                && e instanceof AwsServiceException service
                && service.statusCode() == 403) {
            // GetCallerIdentity needs no permission: a 403 whose code did not come through refuses the credentials.
            return new CloudistException(CredentialErrors.rejected("HTTP 403", profile, "during " + action), e);
        }
        if (BAD_REGION.contains(code)) {
            return new CloudistException(regionAdvice(action) + detail, e);
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("Unable to load credentials") && CredentialErrors.isExpiredSession(e)) {
            return new CloudistException(CredentialErrors.expiredSession(profile, "during " + action), e);
        }
        if (message.contains("Unable to load credentials")) {
            return new CloudistException(
                    "No AWS credentials found for " + action + ": run `aws configure`, set"
                            + " AWS_PROFILE or -D" + AwsNames.PROFILE_PROPERTY + ", or set AWS_ACCESS_KEY_ID and"
                            + " AWS_SECRET_ACCESS_KEY",
                    e);
        }
        if (message.contains("Unable to load region")) {
            return new CloudistException(
                    "No AWS region configured for " + action + ": set -D"
                            + AwsNames.REGION_PROPERTY + "=<region> (e.g. eu-west-1), AWS_REGION, or a region in"
                            + " ~/.aws/config",
                    e);
        }
        if (hasCause(e, UnknownHostException.class)) {
            return new CloudistException(
                    "Cannot reach AWS for " + action + ": " + regionAdvice(action) + ", and check the network" + detail,
                    e);
        }
        String prefix = code.isEmpty() ? action + " failed" : action + " failed with " + code;
        return new CloudistException(prefix + detail, e);
    }

    private static String regionAdvice(String action) {
        return "the region is wrong or not enabled for this account during " + action + ": check -D"
                + AwsNames.REGION_PROPERTY;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
