package io.cloudist.aws.client;

import java.util.Locale;
import java.util.Set;

/**
 * The messages for AWS credentials that a service refused: which credentials (a profile, or the access-key
 * variables), whether they expired or are wrong, and how to get good ones. Shared by the S3 store and the EC2, IAM
 * and STS calls.
 */
public final class CredentialErrors {
    /** Codes that say the credentials are valid in form but too old: a session that ended. */
    static final Set<String> EXPIRED =
            Set.of("ExpiredToken", "ExpiredTokenException", "TokenRefreshRequired", "RequestExpired");
    /** Codes that say the key, the secret or the session token is wrong. */
    static final Set<String> INVALID = Set.of(
            "InvalidAccessKeyId",
            "InvalidClientTokenId",
            "SignatureDoesNotMatch",
            "AuthFailure",
            "UnrecognizedClientException",
            "InvalidToken");
    /** The request's time is too far from AWS's: the credentials may be fine. */
    static final Set<String> CLOCK = Set.of("RequestTimeTooSkewed");

    private static final String PROFILE_OPTION = "<profile> (-D" + AwsNames.PROFILE_PROPERTY + ")";

    private CredentialErrors() {}

    /** Whether AWS refused the credentials themselves (rather than what they may do). */
    public static boolean isCredentialError(String code) {
        return EXPIRED.contains(code) || INVALID.contains(code) || CLOCK.contains(code);
    }

    /**
     * The message for refused credentials.
     *
     * @param code the AWS error code, one for which {@link #isCredentialError} holds
     * @param profile the profile cloudist was given ("" for the AWS default chain), or null when not known here
     * @param during what was being done, e.g. {@code "during sts:GetCallerIdentity"}
     */
    public static String rejected(String code, String profile, String during) {
        String named = profile == null ? "" : profile.isEmpty() ? defaultProfile() : profile;
        boolean keys = profile != null && profile.isEmpty() && accessKeyVariables();
        String which = profile == null
                ? "The AWS credentials in use"
                : keys
                        ? "The AWS credentials in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY"
                        : "The AWS credentials of profile '" + named + "'";
        if (CLOCK.contains(code)) {
            return "AWS refused a request " + during + " (" + code + "): this machine's clock is off by more than 15"
                    + " minutes. Set the clock right (e.g. enable NTP) and run again.";
        }
        String clock = code.equals("RequestExpired")
                ? " If they are fresh, this machine's clock may be off: set it right (e.g. enable NTP)."
                : "";
        if (EXPIRED.contains(code) && keys) {
            return which + " have expired (" + code + ") " + during + ": set new session keys (AWS_ACCESS_KEY_ID,"
                    + " AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN), or unset them to use a profile with "
                    + PROFILE_OPTION + "." + clock;
        }
        if (EXPIRED.contains(code)) {
            return which + " have expired (" + code + ") " + during + ": refresh them with `aws sso login --profile "
                    + (profile == null ? "<profile>" : named) + "` for an SSO profile, or get new session keys for"
                    + " it; or use another profile with " + PROFILE_OPTION + "." + clock;
        }
        if (keys) {
            return which + " are not valid (" + code + ") " + during + ": check AWS_ACCESS_KEY_ID,"
                    + " AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, or unset them to use a profile with "
                    + PROFILE_OPTION + ".";
        }
        String name = profile == null ? "<profile>" : named;
        return which + " are not valid (" + code + ") " + during + ": check its access key and secret (aws configure"
                + " --profile " + name + "), or refresh an SSO session (aws sso login --profile " + name + "); or use"
                + " another profile with " + PROFILE_OPTION + ".";
    }

    /**
     * Whether the SDK could not load credentials because a session ended: an SSO token or cached session keys that
     * expired. The SDK says so only in its message.
     */
    public static boolean isExpiredSession(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).contains("expired")) {
                return true;
            }
        }
        return false;
    }

    /** The message for credentials the SDK could not load because their session expired. */
    public static String expiredSession(String profile, String during) {
        String named = profile == null || profile.isEmpty() ? defaultProfile() : profile;
        return "The AWS session of profile '" + named + "' has expired " + during + ": refresh it with `aws sso login"
                + " --profile " + named + "` (or get new session keys for it); or use another profile with "
                + PROFILE_OPTION + ".";
    }

    /** The profile the AWS default chain reads: AWS_PROFILE, the aws.profile property, else default. */
    private static String defaultProfile() {
        String property = System.getProperty("aws.profile");
        if (property != null && !property.isBlank()) {
            return property;
        }
        String variable = System.getenv("AWS_PROFILE");
        return variable == null || variable.isBlank() ? "default" : variable;
    }

    /** The AWS default chain takes access keys from the environment (or system properties) before any profile. */
    private static boolean accessKeyVariables() {
        return present(System.getProperty("aws.accessKeyId")) || present(System.getenv("AWS_ACCESS_KEY_ID"));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
