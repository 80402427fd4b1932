package io.cloudist.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.RunListener;
import io.cloudist.core.store.LocalDirectoryStore;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDocumentsTest {
    @TempDir
    Path temp;

    private Store runWithTwoWorkers() {
        Store store = new LocalDirectoryStore(temp);
        store.put(StoreKeys.manifest("r"), new byte[1]);
        store.put(StoreKeys.lease("r"), new byte[1]);
        for (String w : new String[] {"w0", "w1"}) {
            for (int n = 0; n < 11; n++) {
                store.put(StoreKeys.assignment("r", w, n), new byte[1]);
            }
            store.put(StoreKeys.result("r", w, 9), new byte[1]);
            store.put(StoreKeys.heartbeat("r", w), new byte[1]);
        }
        store.put(StoreKeys.blob("abc"), new byte[1]);
        return store;
    }

    @Test
    void workersThatMayStillBeWaitingFindTheirOrderToStopAndNothingElse() {
        Store store = runWithTwoWorkers();

        new RunDocuments(store, "r", new RunListener() {}, true).close();

        assertThat(store.list("runs/"))
                .containsExactly(StoreKeys.assignment("r", "w0", 10), StoreKeys.assignment("r", "w1", 10));
        assertThat(store.exists(StoreKeys.blob("abc"))).isTrue();
    }

    @Test
    void aLocalRunLeavesNothing() {
        Store store = runWithTwoWorkers();

        new RunDocuments(store, "r", new RunListener() {}, false).close();

        assertThat(store.list("runs/")).isEmpty();
    }
}
