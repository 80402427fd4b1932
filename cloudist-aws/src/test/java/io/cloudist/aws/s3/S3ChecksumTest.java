package io.cloudist.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.aws.client.MotoExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;

/**
 * The checksum S3 keeps: moto's S3, unlike s3proxy 4.1.0, keeps the SHA-256 an upload carried and returns it on HEAD
 * with {@code x-amz-checksum-mode: ENABLED}, as S3 does. (moto does not mark a multipart object's checksum as
 * composite, as S3 does, so blobs uploaded in parts are tested on s3proxy only, in {@link S3ShippingTest}.)
 */
@ExtendWith(MotoExtension.class)
class S3ChecksumTest {
    private static final String BUCKET = "checksum-bucket";

    @TempDir
    Path temp;

    @Test
    void aFileIsUploadedWithItsSha256AsS3sChecksumAndReadBackWithoutADownload() throws Exception {
        Path file = Files.writeString(temp.resolve("blob"), "blob bytes");
        String hash = sha256(file);

        try (S3Store store = open()) {
            store.putFile("blobs/sha256/" + hash, file);
            RequestStats before = store.stats();

            assertThat(store.sha256("blobs/sha256/" + hash)).hasValue(hash);
            assertThat(store.stats().minus(before).gets()).isZero();
        }
        assertThat(client().headObject(r ->
                                r.bucket(BUCKET).key("blobs/sha256/" + hash).checksumMode(ChecksumMode.ENABLED))
                        .checksumSHA256())
                .isEqualTo(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hash)));
    }

    @Test
    void aRecordedHashIsNotBelievedOverBytesThatS3ChecksummedOtherwise() throws Exception {
        Path file = Files.writeString(temp.resolve("blob"), "blob bytes");
        String hash = sha256(file);

        try (S3Store store = open()) {
            store.putFile("blobs/sha256/" + hash, file);
            // Someone replaces the bytes and copies the metadata entry: S3 checksums the new bytes (CRC32 here).
            client().putObject(
                            r -> r.bucket(BUCKET)
                                    .key("blobs/sha256/" + hash)
                                    .metadata(Map.of(BlobChecksums.METADATA, hash)),
                            RequestBody.fromString("tampered"));

            assertThat(store.sha256("blobs/sha256/" + hash)).isEmpty();
        }
    }

    private static S3Store open() {
        S3Client s3 = client();
        if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(BUCKET))) {
            s3.createBucket(
                    r -> r.bucket(BUCKET).createBucketConfiguration(c -> c.locationConstraint(MotoExtension.REGION)));
        }
        return S3Store.open("s3://" + BUCKET, MotoExtension.REGION, "");
    }

    private static S3Client client() {
        return S3Client.builder().forcePathStyle(true).build();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
