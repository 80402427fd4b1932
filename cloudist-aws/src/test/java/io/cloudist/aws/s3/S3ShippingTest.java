package io.cloudist.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.ship.BundleShipper;
import io.cloudist.core.ship.Shipment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Content-addressed shipping through S3: what is already in the bucket is not sent again, unless its bytes no longer
 * match its key. s3proxy keeps no checksum it could return on HEAD, so these tests exercise the metadata entry that
 * {@link BlobChecksums} falls back to; {@link S3ChecksumTest} exercises S3's own checksum on moto.
 */
class S3ShippingTest {
    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension();

    @TempDir
    Path temp;

    @Test
    void aSecondShipmentOfAnUnchangedClasspathUploadsNothing() throws Exception {
        Path module = Files.createDirectories(temp.resolve("module"));
        Files.createDirectories(module.resolve("target/test-classes/a"));
        Files.writeString(module.resolve("target/test-classes/a/FooTest.class"), "class bytes");
        Files.writeString(module.resolve("pom.xml"), "<project/>");
        List<Path> classpath = List.of(
                module.resolve("target/test-classes"),
                jar(temp.resolve("a.jar"), "a"),
                jar(temp.resolve("b.jar"), "b"));

        try (S3Store store = S3Store.open("s3://" + S3.createBucket() + "/ci", "", "")) {
            Shipment first =
                    new BundleShipper(store, module, temp.resolve("scratch1")).ship(classpath, List.of("pom.xml"));
            RequestStats before = store.stats();
            Shipment second =
                    new BundleShipper(store, module, temp.resolve("scratch2")).ship(classpath, List.of("pom.xml"));
            RequestStats requests = store.stats().minus(before);

            assertThat(first.uploaded()).isEqualTo(4);
            assertThat(second.uploaded()).isZero();
            assertThat(second.bytesUploaded()).isZero();
            assertThat(second.classpath()).isEqualTo(first.classpath());
            assertThat(requests.puts()).isZero();
            assertThat(requests.heads()).isEqualTo(4);
            assertThat(store.list("blobs/sha256/")).hasSize(4);
        }
    }

    @Test
    void aBlobWhoseBytesWereReplacedInTheBucketIsUploadedAgain() throws Exception {
        Path module = Files.createDirectories(temp.resolve("module"));
        Path jar = jar(temp.resolve("a.jar"), "a");
        String bucket = S3.createBucket();

        try (S3Store store = S3Store.open("s3://" + bucket + "/ci", "", "")) {
            String key = "ci/blobs/sha256/"
                    + ship(store, module, jar).classpath().get(0).sha256();
            S3.client().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("tampered"));

            Shipment again = ship(store, module, jar);

            assertThat(again.uploaded()).isEqualTo(1);
            assertThat(S3.client()
                            .getObjectAsBytes(r -> r.bucket(bucket).key(key))
                            .asByteArray())
                    .isEqualTo(Files.readAllBytes(jar));
            assertThat(ship(store, module, jar).uploaded())
                    .as("then it is trusted again")
                    .isZero();
        }
    }

    @Test
    void aBlobUploadedInPartsIsVouchedForAndReplacedWhenTampered() throws Exception {
        Path module = Files.createDirectories(temp.resolve("module"));
        Path big = temp.resolve("big.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(big))) {
            zip.setLevel(0);
            zip.putNextEntry(new ZipEntry("data.bin"));
            byte[] chunk = new byte[1 << 20];
            new java.util.Random(7).nextBytes(chunk);
            for (int i = 0; i < 17; i++) {
                zip.write(chunk);
            }
            zip.closeEntry();
        }
        assertThat(Files.size(big)).isGreaterThan(MultipartUpload.PART_SIZE);
        String bucket = S3.createBucket();

        try (S3Store store = S3Store.open("s3://" + bucket, "", "")) {
            String key = "blobs/sha256/"
                    + ship(store, module, big).classpath().get(0).sha256();
            assertThat(ship(store, module, big).uploaded()).isZero();
            S3.client().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("tampered"));

            assertThat(ship(store, module, big).uploaded()).isEqualTo(1);
            assertThat(S3.client().headObject(r -> r.bucket(bucket).key(key)).contentLength())
                    .isEqualTo(Files.size(big));
        }
    }

    private Shipment ship(S3Store store, Path module, Path jar) {
        return new BundleShipper(store, module, temp.resolve("scratch")).ship(List.of(jar), List.of());
    }

    /** A real jar: the shipper opens every jar as a zip. */
    private static Path jar(Path path, String content) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(path))) {
            zip.putNextEntry(new ZipEntry(content + ".txt"));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return path;
    }
}
