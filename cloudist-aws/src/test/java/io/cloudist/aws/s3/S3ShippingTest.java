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

/** Content-addressed shipping through S3: what is already in the bucket is not sent again. */
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
