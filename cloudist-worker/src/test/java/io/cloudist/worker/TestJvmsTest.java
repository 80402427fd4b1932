package io.cloudist.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.core.CloudistException;
import io.cloudist.core.jvm.JvmStarts;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real test JVMs started through {@link TestJvms}, in shared start slots or not. */
@Timeout(120)
class TestJvmsTest {
    @TempDir
    Path temp;

    @Test
    void inOneSharedSlotATestJvmStartsOnlyOnceTheOneStartedBeforeItIsReady() throws Exception {
        JvmStarts starts = new JvmStarts(1);
        try (TestJvms first = new TestJvms(starts.asFunction(), 1);
                TestJvms second = new TestJvms(starts.asFunction(), 2)) {
            TestJvm a = start(first, config("a"), 1);
            CompletableFuture<Boolean> aReadyWhenBStarted = CompletableFuture.supplyAsync(() -> {
                start(second, config("b"), 1);
                return a.isReady();
            });

            assertThat(aReadyWhenBStarted.get()).isTrue();
            while (second.running().stream().anyMatch(jvm -> !jvm.isReady())) {
                Thread.sleep(10);
            }
            awaitFree(starts, 1);
        }
        assertThat(starts.free()).isEqualTo(1);
    }

    @Test
    void anAgentsLaterTestJvmWaitsBehindAnyAgentsFirstWhateverTheirRanks() throws Exception {
        JvmStarts starts = new JvmStarts(1);
        List<String> order = new CopyOnWriteArrayList<>();
        try (TestJvms early = new TestJvms(starts.asFunction(), 1);
                TestJvms late = new TestJvms(starts.asFunction(), 5)) {
            start(early, config("early-1"), 1);
            awaitFree(starts, 1);
            Runnable held = starts.take(0);
            CompletableFuture<Void> again = CompletableFuture.runAsync(() -> {
                start(early, config("early-2"), 2);
                order.add("early's second");
            });
            awaitWaiting(starts, 1);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
                start(late, config("late-1"), 1);
                order.add("late's first");
            });
            awaitWaiting(starts, 2);

            held.run();
            CompletableFuture.allOf(again, first).get();
        }

        assertThat(order).containsExactly("late's first", "early's second");
    }

    @Test
    void closingKillsEveryTestJvmStartedGivesBackItsSlotAndStartsNoMore() throws Exception {
        JvmStarts starts = new JvmStarts(1);
        TestJvms jvms = new TestJvms(starts.asFunction(), 1);
        TestJvm jvm = start(jvms, config("a"), 1);

        jvms.close();

        assertThat(jvm.isAlive()).isFalse();
        assertThat(starts.free()).isEqualTo(1);
        assertThatThrownBy(() -> start(jvms, config("a"), 2))
                .isInstanceOf(CloudistException.class)
                .hasMessageContaining("being terminated");
    }

    @Test
    void withoutSlotsTestJvmsStartAtOnce() throws Exception {
        try (TestJvms jvms = TestJvms.unlimited()) {
            start(jvms, config("a"), 1);
            start(jvms, config("b"), 1);

            assertThat(jvms.running()).hasSize(2);
        }
    }

    private TestJvmConfig config(String name) {
        List<Path> classpath = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .toList();
        return TestJvmConfig.from(
                ShippedRun.module("", List.of(), List.of()), temp, classpath, temp.resolve("scratch-" + name));
    }

    private static void awaitWaiting(JvmStarts starts, int waiting) throws InterruptedException {
        while (starts.waiting() < waiting) {
            Thread.sleep(5);
        }
    }

    private static void awaitFree(JvmStarts starts, int free) throws InterruptedException {
        while (starts.free() < free) {
            Thread.sleep(10);
        }
    }

    /** Starts a test JVM without a class data archive, on the configuration's classpath. */
    private static TestJvm start(TestJvms jvms, TestJvmConfig config, int number) {
        return jvms.start(config, number, TestJvmClassData.off(config, "").next());
    }
}
