package io.cloudist.core.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void keysCannotEscapeTheStoreDirectory() {
        assertThatThrownBy(() -> store().put("../outside", new byte[1])).isInstanceOf(IllegalArgumentException.class);
    }
}
