package io.cloudist.core.coordinate;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.store.StoreWatch.Listing;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeenVersionsTest {
    private final SeenVersions seen = new SeenVersions(key -> !key.contains("/in/"));

    @Test
    void aDocumentIsReportedOnceForEachVersionAndNotAgainWhileItIsUnchanged() {
        assertThat(seen.changed(new Listing(Map.of("w/a/beat", "1", "w/a/out/0", "7"), true)))
                .containsExactlyInAnyOrder("w/a/beat", "w/a/out/0");
        // Written twice since: one change, the latest version.
        assertThat(seen.changed(new Listing(Map.of("w/a/beat", "3", "w/a/out/0", "7"), true)))
                .containsExactly("w/a/beat");
        assertThat(seen.changed(new Listing(Map.of("w/a/beat", "3", "w/a/out/0", "7"), true)))
                .isEmpty();
    }

    @Test
    void aPartialListingReportsWhatItHoldsAndForgetsNothing() {
        seen.changed(new Listing(Map.of("w/a/beat", "1", "w/a/out/0", "7"), true));

        assertThat(seen.changed(new Listing(Map.of("w/a/beat", "2"), false))).containsExactly("w/a/beat");
        assertThat(seen.changed(new Listing(Map.of("w/a/beat", "2", "w/a/out/0", "7"), true)))
                .isEmpty();
    }

    @Test
    void aKeyGoneFromACompleteListingIsNewWhenItComesBack() {
        seen.changed(new Listing(Map.of("w/a/beat", "1"), true));
        seen.changed(new Listing(Map.of(), true));

        assertThat(seen.changed(new Listing(Map.of("w/a/beat", "1"), true))).containsExactly("w/a/beat");
    }

    @Test
    void aForgottenKeyIsReportedAgainAndUnwantedKeysNever() {
        seen.changed(new Listing(Map.of("w/a/out/0", "7", "w/a/in/1", "1"), true));
        seen.forget("w/a/out/0");

        assertThat(seen.changed(new Listing(Map.of("w/a/out/0", "7", "w/a/in/1", "2"), true)))
                .containsExactly("w/a/out/0");
    }
}
