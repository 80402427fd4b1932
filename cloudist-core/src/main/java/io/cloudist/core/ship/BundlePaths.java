package io.cloudist.core.ship;

import io.cloudist.core.CloudistException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Checks what a run manifest says before a worker writes anything: a path must stay inside the directory it is
 * relative to, a jar's name must be a plain file name, a blob's name its SHA-256. A store document is not trusted.
 */
public final class BundlePaths {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private BundlePaths() {}

    /**
     * A relative, {@code /}-separated path that stays below its base: no absolute path, drive letter, backslash,
     * {@code ..} or empty segment. "" is the base itself.
     *
     * @param what what the path names, for the error
     * @throws CloudistException for any other path
     */
    public static Path relative(String path, String what) {
        boolean bad = path.startsWith("/") || path.contains("\\") || path.contains(":") || path.contains("\0");
        for (String segment : path.isEmpty() ? new String[0] : path.split("/", -1)) {
            bad |= segment.isEmpty() || segment.equals("..") || segment.equals(".");
        }
        if (bad) {
            throw new CloudistException("Refusing the run manifest: " + what + " '" + path + "' is not a relative path"
                    + " inside its directory. The store may have been tampered with; only cloudist writes it.");
        }
        return Path.of(path.isEmpty() ? "" : path);
    }

    /** A jar's file name: one segment, not {@code .} or {@code ..}. */
    static String fileName(String name, String what) {
        if (name.isEmpty()
                || name.contains("/")
                || name.contains("\\")
                || name.equals(".")
                || name.equals("..")
                || name.contains("\0")) {
            throw new CloudistException("Refusing the run manifest: " + what + " '" + name + "' is not a file name."
                    + " The store may have been tampered with; only cloudist writes it.");
        }
        return name;
    }

    /** A blob's content hash: 64 lower-case hex digits. */
    static String sha256(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new CloudistException("Refusing the run manifest: '" + sha256 + "' is not a SHA-256."
                    + " The store may have been tampered with; only cloudist writes it.");
        }
        return sha256;
    }
}
