package io.cloudist.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudist.core.store.ResilientStore;
import io.cloudist.core.store.StoreOutageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An S3 store behind {@link ResilientStore}, against a real S3 server (s3proxy) behind a {@link FaultProxy}: throttling,
 * server errors, latency, dropped connections and outages.
 */
@Timeout(180)
class S3StoreFaultsTest {
    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension();

    @TempDir
    Path temp;

    private FaultProxy proxy;
    private S3Store s3;
    private String location;

    @BeforeEach
    void start() throws IOException {
        proxy = new FaultProxy(S3.endpoint());
        S3.setProperty("aws.endpointUrlS3", proxy.endpoint().toString());
        location = "s3://" + S3.createBucket() + "/ci-"
                + UUID.randomUUID().toString().substring(0, 8);
        s3 = S3Store.open(location, "", "");
    }

    @AfterEach
    void stop() throws IOException {
        s3.close();
        proxy.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFlakyS3StillRoundTripsEveryValueAndEveryRetryIsCounted() throws Exception {
        proxy.plan(new FaultProxy.Plan(0.1, 0.1, 0.1, 20));
        ResilientStore store = new ResilientStore(s3, Duration.ofSeconds(120));
        byte[] big = new byte[300_000];
        new Random(7).nextBytes(big);
        Path file = Files.write(temp.resolve("blob.bin"), big);

        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String key = "runs/r/w/w" + i + "/out/0";
            byte[] value = bytes("result " + i);
            work.add(threads.submit(() -> {
                store.put(key, value);
                assertThat(store.get(key)).hasValueSatisfying(v -> assertThat(v).isEqualTo(value));
                assertThat(store.putIfAbsent(key + "-claim", value)).isTrue();
                assertThat(store.putIfAbsent(key + "-claim", bytes("another run")))
                        .isFalse();
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        threads.shutdown();
        store.putFile("blobs/sha256/big", file);
        assertThat(store.getFile("blobs/sha256/big", temp.resolve("copy.bin"))).isTrue();
        assertThat(Files.readAllBytes(temp.resolve("copy.bin"))).isEqualTo(big);
        assertThat(store.list("runs/r/")).hasSize(32);

        int logicalCalls = 16 * 4 + 3;
        assertThat(proxy.injected()).isPositive();
        assertThat(s3.stats().requests())
                .as("every attempt is counted")
                .isEqualTo(proxy.requests())
                .isGreaterThan(logicalCalls);
    }

    @Test
    void anOutageOfThirtySecondsIsRiddenOutWithinTheDefaultBudget() throws Exception {
        ResilientStore store = new ResilientStore(s3, Duration.ofSeconds(120));
        store.put("runs/r/lease", bytes("1"));
        proxy.outageFor(Duration.ofSeconds(30));
        long start = System.nanoTime();

        ExecutorService beats = Executors.newFixedThreadPool(2);
        Future<?> beat = beats.submit(() -> store.put("runs/r/w/w0/beat", bytes("beat")));
        assertThat(store.get("runs/r/lease"))
                .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("1")));
        beat.get();
        beats.shutdown();

        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        assertThat(seconds).isBetween(29L, 45L);
        assertThat(store.get("runs/r/w/w0/beat")).isPresent();
        assertThat(store.usage())
                .contains("S3 requests")
                .contains("failed store calls retried")
                .contains("in 1 outage");
    }

    @Test
    void anOutageBeyondTheBudgetStopsWithAClearErrorAndLaterCallsFailAtOnce() {
        ResilientStore store = new ResilientStore(s3, Duration.ofSeconds(5));
        proxy.outageFor(Duration.ofSeconds(60));
        long start = System.nanoTime();

        StoreOutageException e = catchThrowableOfType(StoreOutageException.class, () -> store.get("runs/r/lease"));

        assertThat(Duration.ofNanos(System.nanoTime() - start).toSeconds()).isBetween(5L, 15L);
        assertThat(e)
                .hasMessageStartingWith("The store at " + location + " was unreachable for ")
                .hasMessageContaining("<storeOutageSeconds> (-Dcloudist.storeOutageSeconds)")
                .hasMessageContaining("503 SlowDown");
        long before = s3.stats().requests();
        catchThrowableOfType(StoreOutageException.class, () -> store.put("runs/r/lease", bytes("2")));
        assertThat(s3.stats().requests() - before)
                .as("one call of the SDK's own attempts, no second wait")
                .isEqualTo(S3Connection.ATTEMPTS);

        proxy.endOutage();
        store.put("runs/r/lease", bytes("3"));
        assertThat(store.get("runs/r/lease"))
                .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("3")));
    }
}
