package io.cloudist.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalDirectoryStoreTest extends StoreContract {
    @Override
    protected Store store() {
        return new LocalDirectoryStore(temp.resolve("store"));
    }

    @Test
    void anIOErrorIsAnOutageToRideOut() throws Exception {
        Store store = store();
        java.nio.file.Files.writeString(temp.resolve("store/runs"), "a file where a directory belongs");
        assertThatThrownBy(() -> store.put("runs/r/lease", new byte[1]))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("runs");
    }

    @Test
    void aFullReadOnlyOrForbiddenDiskIsSaidAtOnceNamingTheDirectory() throws Exception {
        LocalDirectoryStore store = new LocalDirectoryStore(temp.resolve("store"));
        Path root = temp.resolve("store").toAbsolutePath().normalize();

        assertThat(store.unavailable("put", new IOException("No space left on device")))
                .isNotInstanceOf(StoreUnavailableException.class)
                .hasMessage("The store directory " + root + " is full (no space left on device): free space on its"
                        + " disk, or point <store> (-Dcloudist.store) at a directory elsewhere.");
        assertThat(store.unavailable("put", new FileSystemException(root + "/.tmp/x", null, "Read-only file system")))
                .isNotInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("The store directory " + root + " is on a read-only file system: ");
        assertThat(store.unavailable("put", new AccessDeniedException(root + "/runs")))
                .isNotInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith(
                        "The store directory " + root + " cannot be written by the user that runs Maven");
        assertThat(store.unavailable("put", new IOException("Stale file handle")))
                .isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void keysCannotEscapeTheStoreDirectory() {
        assertThatThrownBy(() -> store().put("../outside", new byte[1])).isInstanceOf(IllegalArgumentException.class);
    }
}
