package io.cloudist.core.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocalDirectoryStoreTest extends StoreContract {
    @Override
    protected Store store() {
        return new LocalDirectoryStore(temp.resolve("store"));
    }

    @Test
    void keysCannotEscapeTheStoreDirectory() {
        assertThatThrownBy(() -> store().put("../outside", new byte[1])).isInstanceOf(IllegalArgumentException.class);
    }
}
