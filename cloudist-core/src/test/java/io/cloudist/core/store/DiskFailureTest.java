package io.cloudist.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import org.junit.jupiter.api.Test;

/** Which I/O errors are a disk that no wait mends, as the JDK reports them on Linux. */
class DiskFailureTest {
    private static final Path DEV_FULL = Path.of("/dev/full");

    @Test
    void aWriteToAFullDeviceIsAFullDisk() {
        assumeTrue(Files.isWritable(DEV_FULL), "/dev/full, which answers every write with ENOSPC");
        IOException enospc = null;
        try {
            Files.write(DEV_FULL, new byte[16]);
        } catch (IOException e) {
            enospc = e;
        }

        assertThat(enospc).as("the write failed").isNotNull();
        assertThat(DiskFailure.of(enospc)).contains(DiskFailure.FULL);
    }

    @Test
    void theSystemsWordsForAFullOrReadOnlyDiskAreRecognised() {
        // What sun.nio.fs.UnixException makes of ENOSPC, EDQUOT and EROFS: the file, and strerror as the reason.
        assertThat(DiskFailure.of(new FileSystemException("/s/.tmp/x", null, "No space left on device")))
                .contains(DiskFailure.FULL);
        assertThat(DiskFailure.of(new FileSystemException("/s/.tmp/x", null, "Disk quota exceeded")))
                .contains(DiskFailure.FULL);
        assertThat(DiskFailure.of(new FileSystemException("/s/.tmp/x", null, "Read-only file system")))
                .contains(DiskFailure.READ_ONLY);
        assertThat(DiskFailure.of(new ReadOnlyFileSystemException())).contains(DiskFailure.READ_ONLY);
        assertThat(DiskFailure.of(new AccessDeniedException("/s/runs"))).contains(DiskFailure.ACCESS_DENIED);
    }

    @Test
    void aDiskFailureIsFoundAmongTheCauses() {
        RuntimeException sdk = new RuntimeException(
                "Unable to write the response", new UncheckedIOException(new IOException("No space left on device")));

        assertThat(DiskFailure.of(new StoreUnavailableException("Store I/O failed", sdk)))
                .contains(DiskFailure.FULL);
    }

    @Test
    void otherFailuresAreNotDiskFailures() {
        assertThat(DiskFailure.of(new IOException("Stale file handle"))).isEmpty();
        assertThat(DiskFailure.of(new NoSuchFileException("/s/runs/r"))).isEmpty();
        assertThat(DiskFailure.of(new SocketTimeoutException("Read timed out"))).isEmpty();
        assertThat(DiskFailure.of(new IllegalStateException("No space left on device, says a non-I/O error")))
                .isEmpty();
        assertThat(DiskFailure.of(new IOException((String) null))).isEmpty();
    }

    @Test
    void theDirectoryIsThatOfTheFileTheErrorNames() {
        Path fallback = Path.of("/fallback");

        assertThat(DiskFailure.directory(
                        new RuntimeException(new FileSystemException("/store/.tmp/x", null, "Read-only file system")),
                        fallback))
                .isEqualTo(Path.of("/store/.tmp"));
        assertThat(DiskFailure.directory(new IOException("No space left on device"), fallback))
                .isEqualTo(fallback);
    }
}
