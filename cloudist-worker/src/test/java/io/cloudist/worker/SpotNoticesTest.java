package io.cloudist.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.testing.FakeImds;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SpotNoticesTest {

    @Test
    void announcesAnInterruptionOnceWhenTheMetadataServiceShowsIt() throws Exception {
        List<String> notices = new CopyOnWriteArrayList<>();
        try (FakeImds imds = new FakeImds();
                SpotNotices watcher = new SpotNotices(imds.endpoint(), Duration.ofMillis(20), notices::add)) {
            Thread.sleep(200);
            assertThat(notices).isEmpty();

            imds.interrupt();
            while (notices.isEmpty()) {
                Thread.sleep(10);
            }
            Thread.sleep(200);

            assertThat(notices).containsExactly("spot interruption notice: " + FakeImds.SPOT_ACTION);
            assertThat(imds.tokenlessRequests()).isZero();
        }
    }

    @Test
    void anUnreachableMetadataServiceIsNoNotice() throws Exception {
        List<String> notices = new CopyOnWriteArrayList<>();
        try (SpotNotices watcher = new SpotNotices("http://127.0.0.1:9", Duration.ofMillis(20), notices::add)) {
            Thread.sleep(300);
        }
        assertThat(notices).isEmpty();
    }
}
