package io.cloudist.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build whose workers run on its threads is killed with SIGKILL (no shutdown hook runs) while their test JVMs wait,
 * warm, for their first task: each test JVM's standard input was the build's pipe, so each sees it end and exits, as
 * does a JVM writing their class data archive.
 * (A build killed while tests run: FaultsIT in cloudist-its.)
 */
@Timeout(120)
class BuildKilledTest {
    private static final int WORKERS = 2;
    private static final String RUN = "r-killed";

    @TempDir
    Path temp;

    @Test
    void aBuildKilledWhileItsThreadWorkersTestJvmsWaitLeavesNoneOfThemRunning() throws Exception {
        Path workers = temp.resolve("workers");
        Path log = temp.resolve("host.log");
        Process host = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ThreadWorkersHost.class.getName(),
                        temp.resolve("store").toString(),
                        workers.toString(),
                        Files.createDirectories(temp.resolve("module")).toString(),
                        RUN,
                        String.valueOf(WORKERS))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        List<ProcessHandle> testJvms;
        try {
            List<Path> ready = IntStream.range(0, WORKERS)
                    .mapToObj(w -> workers.resolve("w" + w + "/run-" + RUN + "/jvm/jvm-1.ready"))
                    .toList();
            while (!ready.stream().allMatch(Files::exists)) {
                assertThat(host.isAlive())
                        .as("the host is running; its log:%n%s", Files.readString(log))
                        .isTrue();
                Thread.sleep(50);
            }
            testJvms = host.descendants().toList();
        } finally {
            host.destroyForcibly();
        }

        // the test JVMs, and the JVM that writes their class data archive while they wait, if it is still writing
        assertThat(testJvms).hasSizeGreaterThanOrEqualTo(WORKERS);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (testJvms.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(testJvms.stream().filter(ProcessHandle::isAlive)).isEmpty();
    }
}
