package io.cloudist.core.provision;

import io.cloudist.core.protocol.BlobRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Names a worker agent's code by its jars' content: the SHA-256 of their SHA-256s, in classpath order. A run hands the
 * name to the agents it launches, they write it in their warm-pool state, and a later run claims only the warm agents
 * whose name is its own: an agent of another cloudist build could read the run's documents differently.
 */
public final class WorkerBundle {
    private WorkerBundle() {}

    /** The name of the agent on {@code jars}. */
    public static String id(List<BlobRef> jars) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (BlobRef jar : jars) {
                digest.update(jar.sha256().getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK has no SHA-256", e);
        }
    }
}
