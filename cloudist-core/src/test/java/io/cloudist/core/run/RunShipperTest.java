package io.cloudist.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.RunListener;
import io.cloudist.core.report.ConsoleLine;
import io.cloudist.core.ship.Shipment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunShipperTest {
    private final List<String> lines = new ArrayList<>();
    private final RunListener listener = new RunListener() {
        @Override
        public void line(ConsoleLine line) {
            lines.add(line.text());
        }
    };

    @Test
    void aReactorsModulesSayWhatTheyShippedInOneLineWithTheProjectTreeCountedOnce() {
        RunShipper.shippedModules(
                listener, List.of(shipment(2, 10, 300, 1000, 40, 120), shipment(1, 5, 50, 500, 40, 30)));

        assertThat(lines)
                .containsExactly(
                        "cloudist: shipped 2 modules: 3 of 15 blobs (350 of 1,500 bytes), 40 project files in 150 ms");
    }

    @Test
    void aReactorsRunOfOneModuleSaysItAsARunOfOneModuleDoes() {
        RunShipper.shippedModules(listener, List.of(shipment(0, 13, 0, 1_965_879, 0, 673)));

        assertThat(lines).containsExactly("cloudist: shipped 0 of 13 blobs (0 of 1,965,879 bytes) in 673 ms");
    }

    private static Shipment shipment(
            int uploaded, int blobs, long bytesUploaded, long bytesTotal, int projectFiles, long millis) {
        return new Shipment(
                List.of(),
                List.of(),
                "",
                projectFiles,
                List.of(),
                List.of(),
                blobs,
                uploaded,
                bytesUploaded,
                bytesTotal,
                Duration.ofMillis(millis));
    }
}
