package io.cloudist.maven;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.maven.plugin.logging.Log;

/** Progress for batch mode and CI logs: a plain log line, at most once per interval. */
final class BatchProgress implements ProgressDisplay {
    static final Duration INTERVAL = Duration.ofSeconds(10);

    private final Log log;
    private final LongSupplier nanoTime;
    private long lastShown;
    private boolean shown;

    /** @param nanoTime a monotonic clock in nanoseconds, such as {@code System::nanoTime} */
    BatchProgress(Log log, LongSupplier nanoTime) {
        this.log = log;
        this.nanoTime = nanoTime;
    }

    @Override
    public void show(String text) {
        long now = nanoTime.getAsLong();
        if (!shown || now - lastShown >= INTERVAL.toNanos()) {
            log.info(text);
            lastShown = now;
            shown = true;
        }
    }
}
