package io.cloudist.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudist.core.CloudistException;
import io.cloudist.core.ConfigurationException;
import io.cloudist.testing.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retries, outages and the uptime clock, on fake time: each wait advances the clock instead of sleeping. */
class ResilientStoreTest {
    private static final Duration BUDGET = Duration.ofSeconds(120);

    private final ManualClock time = ManualClock.atMillis(1_000_000);
    private final ScriptedStore inner = new ScriptedStore(time);
    private final List<Long> sleeps = new ArrayList<>();
    private final List<Long> seenWhileWaiting = new ArrayList<>();
    private double jitter = 1.0;
    private Clock watched;

    private ResilientStore store(Duration budget) {
        return new ResilientStore(
                inner,
                budget,
                time::nanos,
                millis -> {
                    sleeps.add(millis);
                    if (watched != null) {
                        seenWhileWaiting.add(watched.millis());
                    }
                    time.advanceMillis(millis);
                },
                () -> jitter);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void transientFailuresAreRetriedUntilTheCallSucceeds() {
        ResilientStore store = store(BUDGET);
        inner.failNext = 3;

        store.put("runs/r/lease", bytes("1"));

        assertThat(inner.calls).isEqualTo(4);
        assertThat(store.get("runs/r/lease"))
                .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("1")));
        assertThat(store.usage()).isEqualTo("3 failed store calls retried, unreachable for 1 s in 1 outage");
    }

    @Test
    void waitsGrowExponentiallyWithFullJitterUpToFiveSeconds() {
        inner.failNext = 9;
        store(BUDGET).get("k");
        assertThat(sleeps).containsExactly(100L, 200L, 400L, 800L, 1600L, 3200L, 5000L, 5000L, 5000L);

        sleeps.clear();
        jitter = 0.25;
        inner.failNext = 3;
        store(BUDGET).get("k");
        assertThat(sleeps).containsExactly(25L, 50L, 100L);
    }

    @Test
    void anOutageWithinTheBudgetIsRiddenOut() {
        ResilientStore store = store(BUDGET);
        store.put("k", bytes("v"));
        long start = seconds();
        inner.downFor(90);

        assertThat(store.get("k")).isPresent();

        assertThat(seconds() - start).isBetween(90L, 96L);
    }

    @Test
    void anOutageBeyondTheBudgetFailsWithTheStoreTheDurationAndTheFix() {
        ResilientStore store = store(BUDGET);
        long start = seconds();
        inner.downFor(1_000);

        StoreOutageException e = catchThrowableOfType(StoreOutageException.class, () -> store.get("k"));

        assertThat(seconds() - start).isEqualTo(120);
        assertThat(e)
                .hasMessageStartingWith("The store at s3://bucket/ci was unreachable for 120 s")
                .hasMessageContaining("<storeOutageSeconds> (-Dcloudist.storeOutageSeconds)")
                .hasMessageContaining("HTTP 503 SlowDown")
                .hasMessageContaining("set -Dcloudist.storeOutageSeconds to more seconds")
                .hasCauseInstanceOf(StoreUnavailableException.class);
        assertThat(e).isNotInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void afterGivingUpFailingCallsFailAtOnceUntilACallSucceeds() {
        ResilientStore store = store(BUDGET);
        inner.downFor(1_000);
        assertThatThrownBy(() -> store.get("k")).isInstanceOf(StoreOutageException.class);
        long gaveUpAt = seconds();
        int calls = inner.calls;

        assertThatThrownBy(() -> store.put("k", bytes("v")))
                .isInstanceOf(StoreOutageException.class)
                .hasMessageContaining("unreachable for 120 s");
        assertThat(inner.calls).isEqualTo(calls + 1);
        assertThat(seconds()).isEqualTo(gaveUpAt);

        inner.downUntilNanos = 0;
        store.put("k", bytes("v"));
        inner.downFor(60);
        assertThat(store.get("k")).as("a new outage has the whole budget again").isPresent();
    }

    @Test
    void configurationErrorsPassThroughWithoutRetries() {
        ConfigurationException noBucket = new ConfigurationException("cloudist.store", "s3://gone", "run setup");
        inner.refusal = noBucket;
        ResilientStore store = store(BUDGET);

        assertThatThrownBy(() -> store.get("k")).isSameAs(noBucket);
        inner.refusal = new CloudistException("Access denied: grant s3:GetObject");
        assertThatThrownBy(() -> store.exists("k")).hasMessageStartingWith("Access denied");

        assertThat(inner.calls).isEqualTo(2);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aFullLocalDiskUnderAStoreCallIsSaidAtOnceNotRetriedAsAnOutage() {
        inner.refusal = new StoreUnavailableException(
                "GET runs/r/bundle failed",
                new RuntimeException(
                        "Unable to write the response",
                        new java.nio.file.FileSystemException(
                                "/work/cache/blob.part", null, "No space left on device")));
        ResilientStore store = store(BUDGET);

        assertThatThrownBy(() -> store.get("runs/r/bundle"))
                .isExactlyInstanceOf(CloudistException.class)
                .hasMessage("The directory /work/cache is full (no space left on device) while using the store at "
                        + inner.location() + ": free space on its disk.");
        assertThat(inner.calls).isEqualTo(1);
        assertThat(sleeps).isEmpty();
        assertThat(store.usage()).doesNotContain("retried");
    }

    @Test
    void aZeroBudgetGivesUpAtTheFirstFailure() {
        inner.failNext = 1;
        assertThatThrownBy(() -> store(Duration.ZERO).get("k")).isInstanceOf(StoreOutageException.class);
        assertThat(inner.calls).isEqualTo(1);
    }

    @Test
    void anOutageIsDatedFromTheCallThatFirstFailed() {
        ResilientStore store = store(Duration.ofSeconds(30));
        inner.millisPerCall = 20_000; // each call spends 20 s on its own quick retries before it fails
        inner.downFor(1_000);

        assertThatThrownBy(() -> store.get("k"))
                .isInstanceOf(StoreOutageException.class)
                .hasMessageContaining("unreachable for 40 s");
        assertThat(inner.calls).isEqualTo(2);
    }

    @Test
    void putIfAbsentWhoseAnswerWasLostFindsItsOwnValueAndCountsAsCreated() {
        ResilientStore store = store(BUDGET);
        inner.loseNextAnswers = 1;

        assertThat(store.putIfAbsent("pool/w/offer/0", bytes("run-1"))).isTrue();

        assertThat(inner.calls)
                .as("the lost attempt, the retry, the read of the value")
                .isEqualTo(3);
        inner.loseNextAnswers = 1;
        assertThat(store.putIfAbsent("pool/w/offer/0", bytes("run-2")))
                .as("another run's claim")
                .isFalse();
        assertThat(store.putIfAbsent("pool/w/offer/0", bytes("run-1")))
                .as("no lost answer: not ours")
                .isFalse();
    }

    @Test
    void theUptimeClockStandsStillWhileTheStoreIsOut() {
        ResilientStore store = store(BUDGET);
        Clock uptime = store.uptimeClock(time);
        watched = uptime;
        long before = uptime.millis();
        time.advanceMillis(10_000);
        assertThat(uptime.millis() - before).isEqualTo(10_000);

        inner.downFor(90);
        store.get("k");
        time.advanceMillis(5_000);

        assertThat(uptime.millis() - before)
                .as("the 90 s outage does not count")
                .isEqualTo(15_000);
        assertThat(seenWhileWaiting).isNotEmpty().allSatisfy(m -> assertThat(m).isEqualTo(before + 10_000));
    }

    /** Whole seconds of fake time. */
    private long seconds() {
        return time.nanos() / 1_000_000_000L;
    }
}
