package io.cloudist.aws.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The SHA-256 of stored files, so that a blob is not trusted by its key. A file is uploaded with its SHA-256 as S3's
 * checksum ({@code x-amz-checksum-sha256}: S3 checks it against the bytes it receives and keeps it) and, as well, as
 * the object metadata entry {@value #METADATA}.
 *
 * <p>What a HEAD request tells of an object's bytes, without a download, in order of trust:
 *
 * <ol>
 *   <li>S3's own full-object SHA-256: computed or checked by S3 on upload, so nobody can make it lie about the
 *       bytes.
 *   <li>The metadata entry, written by whoever uploaded the object, accepted only where S3's checksum cannot serve:
 *       an object uploaded in parts (S3 keeps a SHA-256 of the parts' SHA-256s, not of the object), or a server that
 *       keeps no checksum at all. s3proxy 4.1.0 is such a server: it checks {@code x-amz-checksum-sha256} on upload
 *       but returns no checksum on HEAD, even with {@code x-amz-checksum-mode: ENABLED}.
 *   <li>Nothing: an object that has some other checksum (CRC32, CRC64NVME: S3's default for uploads that name
 *       none) but no SHA-256 was not uploaded by cloudist's {@code putFile}; its metadata is not believed.
 * </ol>
 */
final class BlobChecksums {
    /** The object metadata entry that records the SHA-256 of a file cloudist uploaded (lower-case hex). */
    static final String METADATA = "cloudist-sha256";

    private BlobChecksums() {}

    /** A file's SHA-256, as hex (for the metadata entry) and base64 (for S3's checksum header). */
    record Digest(String hex, String base64) {}

    static Digest of(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        byte[] hash = digest.digest();
        return new Digest(HexFormat.of().formatHex(hash), Base64.getEncoder().encodeToString(hash));
    }

    /** The SHA-256 (hex) that a HEAD response vouches for, as the class comment orders them; empty for none. */
    static Optional<String> vouchedFor(HeadObjectResponse head) {
        String s3 = head.checksumSHA256();
        boolean composite = head.checksumType() == ChecksumType.COMPOSITE || (s3 != null && s3.contains("-"));
        if (s3 != null && !composite) {
            try {
                return Optional.of(HexFormat.of().formatHex(Base64.getDecoder().decode(s3)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        String recorded = head.hasMetadata() ? head.metadata().get(METADATA) : null;
        boolean keepsNone = Stream.of(
                        s3, head.checksumCRC32(), head.checksumCRC32C(), head.checksumCRC64NVME(), head.checksumSHA1())
                .allMatch(checksum -> checksum == null);
        if (recorded != null && recorded.matches("[0-9a-f]{64}") && (composite || keepsNone)) {
            return Optional.of(recorded);
        }
        return Optional.empty();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
