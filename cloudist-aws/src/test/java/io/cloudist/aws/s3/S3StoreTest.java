package io.cloudist.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreContract;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Store contract and S3's own behaviour, against a real S3 server found through {@code aws.endpointUrlS3}. */
class S3StoreTest extends StoreContract {
    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension();

    private static String bucket;
    private final List<S3Store> opened = new ArrayList<>();

    @Override
    protected Store store() {
        return open("s3://" + bucket() + "/test-" + UUID.randomUUID());
    }

    private S3Store open(String location) {
        S3Store store = S3Store.open(location, "", "");
        opened.add(store);
        return store;
    }

    private static synchronized String bucket() {
        if (bucket == null) {
            bucket = S3.createBucket();
        }
        return bucket;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(S3Store::close);
    }

    @Test
    void findsTheServerThroughTheAwsEndpointUrlS3SystemProperty() {
        S3Store store = (S3Store) store();
        store.put("runs/r/run.json", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(store.endpointOverride()).contains(S3.endpoint().toString());
        assertThat(store.region()).isEqualTo(S3ProxyExtension.REGION);
        String objectKey = store.location().substring(("s3://" + bucket() + "/").length()) + "/runs/r/run.json";
        assertThat(S3.client()
                        .getObjectAsBytes(r -> r.bucket(bucket()).key(objectKey))
                        .asUtf8String())
                .isEqualTo("{}");
    }

    @Test
    void aStoreWithoutPrefixUsesTheWholeBucket() {
        String own = S3.createBucket();
        S3Store store = open("s3://" + own);
        store.put("timings/p.json", new byte[] {1});

        assertThat(store.location()).isEqualTo("s3://" + own);
        assertThat(store.list("")).containsExactly("timings/p.json");
        assertThat(S3.client()
                        .headObject(r -> r.bucket(own).key("timings/p.json"))
                        .contentLength())
                .isEqualTo(1);
    }

    @Test
    void aFileLargerThanOnePartIsUploadedInPartsAndRoundTrips() throws Exception {
        S3Store store = (S3Store) store();
        Path big = temp.resolve("big.bin");
        long size = 2 * MultipartUpload.PART_SIZE + 12_345;
        byte[] chunk = new byte[1 << 20];
        new Random(7).nextBytes(chunk);
        try (OutputStream out = Files.newOutputStream(big)) {
            for (long written = 0; written < size; written += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
            }
        }
        RequestStats before = store.stats();

        store.putFile("blobs/sha256/big", big);
        RequestStats upload = store.stats().minus(before);
        Path copy = temp.resolve("copy.bin");

        assertThat(store.getFile("blobs/sha256/big", copy)).isTrue();
        assertThat(upload.puts()).as("create, three parts, complete").isEqualTo(5);
        assertThat(upload.bytesSent())
                .as("the parts and the completion document")
                .isBetween(size, size + 2048);
        assertThat(Files.size(copy)).isEqualTo(size);
        assertThat(sha256(copy)).isEqualTo(sha256(big));
    }

    @Test
    void statsCountRequestsByKindAndPayloadBytes() {
        S3Store store = (S3Store) store();
        RequestStats before = store.stats();

        store.put("a/doc", new byte[100]);
        store.get("a/doc");
        store.get("a/missing");
        store.exists("a/doc");
        store.list("a/");
        store.delete("a/doc");
        RequestStats stats = store.stats().minus(before);

        assertThat(stats).isEqualTo(new RequestStats(2, 1, 1, 1, 1, 100, stats.bytesReceived()));
        assertThat(stats.bytesReceived()).isGreaterThanOrEqualTo(100);
        assertThat(stats.requests()).isEqualTo(6);
    }

    @Test
    void versionsAreOneListRequestWithoutReadingAnyObject() {
        S3Store store = (S3Store) store();
        for (int w = 0; w < 3; w++) {
            store.put("runs/r/w/w" + w + "/beat", ("beat " + w).getBytes(StandardCharsets.UTF_8));
            store.put("runs/r/w/w" + w + "/out/0", ("result " + w).getBytes(StandardCharsets.UTF_8));
        }
        RequestStats before = store.stats();

        Map<String, String> first = store.versions("runs/r/w/");
        store.put("runs/r/w/w1/beat", "beat 1, later".getBytes(StandardCharsets.UTF_8));
        Map<String, String> second = store.versions("runs/r/w/");
        RequestStats stats = store.stats().minus(before);

        assertThat(stats.lists()).isEqualTo(2);
        assertThat(stats.gets()).isZero();
        assertThat(first).hasSize(6);
        assertThat(second.keySet()).containsExactlyElementsOf(first.keySet());
        first.forEach((key, version) -> {
            if (key.equals("runs/r/w/w1/beat")) {
                assertThat(second.get(key)).isNotEqualTo(version);
            } else {
                assertThat(second.get(key)).as(key).isEqualTo(version);
            }
        });
    }

    @Test
    void listReturnsStoreKeysWithoutTheLocationPrefix() {
        Store store = store();
        store.put("runs/r/w/w1/beat", new byte[0]);

        assertThat(store.list("runs/")).containsExactly("runs/r/w/w1/beat");
        assertThat(store.list("other/")).isEmpty();
    }

    @Test
    void keysCannotClimbOutOfThePrefix() {
        assertThatThrownBy(() -> store().put("../outside", new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().get("/absolute")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return java.util.HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
