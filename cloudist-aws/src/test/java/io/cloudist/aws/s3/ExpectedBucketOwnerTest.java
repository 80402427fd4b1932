package io.cloudist.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.aws.client.MotoExtension;
import io.cloudist.core.CloudistException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every S3 request of the store names the account that must own the bucket. s3proxy neither knows nor checks
 * {@code x-amz-expected-bucket-owner}, so a proxy in front of it records each request as it leaves, and answers for
 * a bucket of another account as S3 does: 403 AccessDenied.
 */
class ExpectedBucketOwnerTest {
    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension();

    @TempDir
    Path temp;

    private FaultProxy proxy;
    private String bucket;

    @BeforeEach
    void proxy() throws Exception {
        bucket = S3.createBucket();
        proxy = new FaultProxy(S3.endpoint());
        S3.setProperty("aws.endpointUrlS3", proxy.endpoint().toString());
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        S3.setProperty("aws.accountId", S3ProxyExtension.ACCOUNT);
        S3.clearProperty("aws.endpointUrlSts");
    }

    @Test
    void everyRequestNamesTheAccountOfTheCredentialsAsTheBucketsOwner() throws Exception {
        Path file = Files.writeString(temp.resolve("blob"), "blob bytes");
        Path big = Files.write(temp.resolve("big"), new byte[(int) MultipartUpload.PART_SIZE + 1]);
        try (S3Store store = S3Store.open("s3://" + bucket + "/ci", "", "")) {
            store.checkBucket();
            store.put("runs/r/run.json", bytes("{}"));
            store.putIfAbsent("runs/r/lease", bytes("me"));
            store.putIfAbsent("runs/r/lease", bytes("me"));
            store.putFile("blobs/sha256/a", file);
            store.putFile("blobs/sha256/b", big);
            store.get("runs/r/run.json");
            store.get("runs/r/missing");
            store.getFile("blobs/sha256/a", temp.resolve("copy"));
            store.exists("blobs/sha256/a");
            store.sha256("blobs/sha256/a");
            store.list("runs/");
            store.delete("runs/r/lease");
        }

        List<List<String>> requests = proxy.heads();
        assertThat(requests).hasSizeGreaterThanOrEqualTo(16);
        assertThat(requests)
                .allSatisfy(head -> assertThat(FaultProxy.header(head, "x-amz-expected-bucket-owner"))
                        .as(head.get(0))
                        .isEqualTo(S3ProxyExtension.ACCOUNT));
    }

    @Test
    void aBucketOfTheSameNameInAnotherAccountIsRefusedWithTheFix() {
        proxy.bucketOwner("999999999999");

        try (S3Store store = S3Store.open("s3://" + bucket + "/ci", "", "")) {
            assertThatThrownBy(store::checkBucket)
                    .isExactlyInstanceOf(CloudistException.class)
                    .hasMessageContaining("Access denied: S3 refused to open s3://" + bucket + "/ci (AccessDenied)")
                    .hasMessageEndingWith("; or bucket '" + bucket + "' belongs to another AWS account than"
                            + " 123456789012, the account of these credentials, which cloudist expects to own it:"
                            + " point -Dcloudist.store at a bucket of that account");
            assertThatThrownBy(() -> store.get("runs/r/run.json")).hasMessageContaining("another AWS account");
        }
        assertThat(S3.client().listObjectsV2(r -> r.bucket(bucket)).contents()).isEmpty();
    }

    @Test
    void credentialsThatDoNotCarryTheirAccountAreAskedAboutWithSts() throws Exception {
        try (MotoExtension.Server moto = MotoExtension.Server.start()) {
            S3.clearProperty("aws.accountId");
            S3.setProperty("aws.endpointUrlSts", moto.endpoint().toString());

            try (S3Store store = S3Store.open("s3://" + bucket, "", "")) {
                store.checkBucket();

                assertThat(store.expectedOwner()).isEqualTo("123456789012");
            }
        }
        assertThat(proxy.heads())
                .isNotEmpty()
                .allSatisfy(head -> assertThat(FaultProxy.header(head, "x-amz-expected-bucket-owner"))
                        .isEqualTo("123456789012"));
    }

    @Test
    void anAccountThatCannotBeLearnedStopsTheStoreWithTheWayAround() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        S3.clearProperty("aws.accountId");
        S3.setProperty("aws.endpointUrlSts", "http://127.0.0.1:" + closed);

        try (S3Store store = S3Store.open("s3://" + bucket + "/ci", "", "")) {
            assertThatThrownBy(store::checkBucket)
                    .isExactlyInstanceOf(CloudistException.class)
                    .hasMessageStartingWith("Cannot learn the AWS account of the credentials for s3://" + bucket
                            + "/ci, which cloudist names as the bucket's expected owner on every S3 request: ")
                    .hasMessageEndingWith("To skip this lookup, set AWS_ACCOUNT_ID (or the system property"
                            + " aws.accountId) to the account that owns the bucket.");
        }
        assertThat(proxy.heads()).as("no S3 request leaves without the owner").isEmpty();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
