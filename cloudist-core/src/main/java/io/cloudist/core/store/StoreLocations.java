package io.cloudist.core.store;

import io.cloudist.core.CloudistParameters;
import io.cloudist.core.ConfigurationException;
import java.util.regex.Pattern;

/**
 * The forms a store location may take, as the user writes it: a directory path (relative to the module, or absolute),
 * a {@code file:} URI, or {@code s3://bucket/prefix}. Anything else that starts like a URI ({@code s3:/bucket},
 * {@code s3:bucket}, {@code s3://} without a bucket, {@code http://...}) is a mistake, not a directory to create.
 */
public final class StoreLocations {
    /** A scheme of two or more characters and a colon; one letter and a colon is a Windows drive. */
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+:.*");

    /** S3's rules for bucket names: 3 to 63 lower-case letters, digits, dots and hyphens, a letter or digit at the ends. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private static final String S3 = "s3://";

    private StoreLocations() {}

    /** Whether {@code location} is a URI ({@code file:}, {@code s3://}...) rather than a directory path. */
    public static boolean isUri(String location) {
        return SCHEME.matcher(location).matches();
    }

    /**
     * Whether {@code location} is a directory on this machine, as {@link Stores#open} opens it: a path, a {@code file:}
     * URI, or nothing (the default directory). A look at such a store costs no request.
     */
    public static boolean isLocal(String location) {
        return location == null || location.isBlank() || location.startsWith("file:") || !isUri(location);
    }

    /**
     * Checks the form of a location.
     *
     * @param location a location as given, trimmed; empty for the default
     * @return {@code location}
     * @throws ConfigurationException for a location that is neither a directory path, a {@code file:} URI nor an
     *     {@code s3://} URI that names a bucket
     */
    public static String check(String location) {
        if (location.isEmpty() || !isUri(location) || location.startsWith("file:")) {
            return location;
        }
        if (location.startsWith(S3)) {
            String rest = location.substring(S3.length());
            String bucket = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
            if (!BUCKET.matcher(bucket).matches()) {
                throw invalid(
                        location,
                        "name a bucket of 3 to 63 lower-case letters, digits, dots and hyphens, as in"
                                + " s3://my-bucket/cloudist");
            }
            return location;
        }
        if (location.regionMatches(true, 0, "s3:", 0, 3)) {
            throw invalid(location, "write it as s3://bucket/prefix");
        }
        throw invalid(
                location,
                "use a directory path, or s3://bucket/prefix for a bucket (a directory whose name has a"
                        + " colon is written ./name)");
    }

    private static ConfigurationException invalid(String location, String fix) {
        return new ConfigurationException(CloudistParameters.STORE, location, fix);
    }
}
