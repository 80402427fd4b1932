package io.cloudist.aws.image;

import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.event.events.ProgressEvent;
import io.cloudist.core.RunListener;
import io.cloudist.core.report.ConsoleLine;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows a Jib build's events: says the build's progress in steps of a quarter, and counts the blobs Jib pushed.
 * Jib announces each blob of the target image as a {@code pushing blob <digest>} allocation of its size, and logs
 * the ones it skips because the registry has them; the others it uploaded.
 */
final class PushCounter {
    private static final String PUSHING = "pushing blob ";
    private static final Pattern SKIPPED = Pattern.compile("already exists on target registry.*(sha256:[0-9a-f]{64})");
    private static final int STEPS = 4;

    private final String image;
    private final RunListener listener;
    private final Map<String, Long> blobs = new ConcurrentHashMap<>();
    private final Set<String> skipped = ConcurrentHashMap.newKeySet();
    private double done;
    private int said;

    PushCounter(String image, RunListener listener) {
        this.image = image;
        this.listener = listener;
    }

    void progress(ProgressEvent event) {
        String description = event.getAllocation().getDescription();
        if (description.startsWith(PUSHING)) {
            blobs.putIfAbsent(
                    description.substring(PUSHING.length()).trim(),
                    event.getAllocation().getAllocationUnits());
        }
        synchronized (this) {
            done += event.getUnits()
                    * event.getAllocation().getFractionOfRoot()
                    / Math.max(1, event.getAllocation().getAllocationUnits());
            int step = (int) Math.floor(Math.min(done, 1.0) * STEPS);
            if (step > said && step < STEPS) {
                said = step;
                listener.line(ConsoleLine.info("cloudist: image " + image + ": " + (100 * step / STEPS) + "%"));
            }
        }
    }

    void log(LogEvent event) {
        Matcher matcher = SKIPPED.matcher(event.getMessage());
        if (matcher.find()) {
            skipped.add(matcher.group(1));
        }
    }

    int blobs() {
        return blobs.size();
    }

    long bytes() {
        return blobs.values().stream().mapToLong(Long::longValue).sum();
    }

    int blobsPushed() {
        return (int) blobs.keySet().stream().filter(d -> !skipped.contains(d)).count();
    }

    long bytesPushed() {
        return blobs.entrySet().stream()
                .filter(e -> !skipped.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }
}
