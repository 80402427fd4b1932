package io.cloudist.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.RunListener;
import io.cloudist.core.report.ConsoleLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ModuleLockTest {
    @TempDir
    Path workDirectory;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final RunListener listener = new RunListener() {
        @Override
        public void line(ConsoleLine line) {
            lines.add(line.text());
        }
    };

    @Test
    void aSecondRunSaysOnceWhoseRunItWaitsForAndStartsWhenThatOneEnds() throws Exception {
        ModuleLock first = ModuleLock.acquire(workDirectory, listener, Clock.systemUTC());
        CompletableFuture<ModuleLock> second =
                CompletableFuture.supplyAsync(() -> ModuleLock.acquire(workDirectory, listener, Clock.systemUTC()));

        Thread.sleep(1_000);
        assertThat(second).isNotDone();
        assertThat(lines)
                .singleElement()
                .asString()
                .startsWith("cloudist: another cloudist run of this module is in progress (pid "
                        + ProcessHandle.current().pid() + ", since ")
                .contains("waiting for it to finish");

        first.close();
        second.get(10, TimeUnit.SECONDS).close();
        assertThat(lines).hasSize(1);
    }

    @Test
    void theWorkDirectoryIsTheUsersAlone() throws Exception {
        Path work = workDirectory.resolve("target/cloudist");
        Files.createDirectories(
                work, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        ModuleLock.acquire(work, listener, Clock.systemUTC()).close();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(work)))
                .isEqualTo("rwx------");
    }

    @Test
    void aRunAloneDoesNotWait() {
        ModuleLock.acquire(workDirectory, listener, Clock.systemUTC()).close();
        ModuleLock.acquire(workDirectory, listener, Clock.systemUTC()).close();
        assertThat(lines).isEmpty();
    }
}
