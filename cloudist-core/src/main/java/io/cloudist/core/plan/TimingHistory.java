package io.cloudist.core.plan;

import io.cloudist.core.CloudistException;
import io.cloudist.core.protocol.Documents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long each unit took on earlier runs, keyed by class name or unique id. Unknown units are expected to take the
 * median of the known ones (1 s when nothing is known), so a new class is neither starved nor put first.
 */
public final class TimingHistory {
    private static final Logger LOG = LoggerFactory.getLogger(TimingHistory.class);
    private static final double NOTHING_KNOWN_SECONDS = 1.0;

    private final Map<String, Double> seconds;
    private final Set<String> failed;
    private final double median;

    public TimingHistory(Map<String, Double> seconds) {
        this(seconds, Set.of());
    }

    /** @param failed the units that failed when they last ran (for Surefire's {@code runOrder=failedfirst}) */
    public TimingHistory(Map<String, Double> seconds, Set<String> failed) {
        this.seconds = new TreeMap<>(seconds);
        this.failed = new TreeSet<>(failed);
        this.median = median(this.seconds);
    }

    public static TimingHistory empty() {
        return new TimingHistory(Map.of());
    }

    /** Reads a history file; a missing or unreadable file gives an empty history (a warning, not a failure). */
    public static TimingHistory read(Path file) {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException | CloudistException e) {
            LOG.warn("Ignoring unreadable timing history {}: {}", file, e.getMessage());
            return empty();
        }
    }

    /** Reads the stored form. */
    public static TimingHistory parse(byte[] document) {
        TimingsDocument read = Documents.read(document, TimingsDocument.class);
        return new TimingHistory(read.seconds(), Set.copyOf(read.failed()));
    }

    /** The stored form, as {@link #write(Path)} writes it and {@link #parse(byte[])} reads it. */
    public byte[] toBytes() {
        return Documents.write(new TimingsDocument(Documents.SCHEMA, seconds, List.copyOf(failed)));
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, toBytes());
        } catch (IOException e) {
            throw new CloudistException("Cannot write timing history " + file + ": " + e.getMessage(), e);
        }
    }

    /** True when an earlier run measured the unit: its expected time is not the median's guess. */
    public boolean knows(Unit unit) {
        return seconds.containsKey(unit.key());
    }

    /** The expected seconds of a unit. */
    public double expected(Unit unit) {
        return seconds.getOrDefault(unit.key(), median);
    }

    /** A new history with these measurements added (replacing older ones of the same keys). */
    public TimingHistory with(Map<String, Double> measured) {
        return with(new TimingHistory(measured));
    }

    /**
     * A new history with a later one's measurements over this one's: a unit it measured failed exactly when it says
     * so.
     */
    public TimingHistory with(TimingHistory later) {
        Map<String, Double> merged = new TreeMap<>(seconds);
        merged.putAll(later.seconds);
        Set<String> mergedFailed = new TreeSet<>(failed);
        mergedFailed.removeAll(later.seconds.keySet());
        mergedFailed.addAll(later.failed);
        return new TimingHistory(merged, mergedFailed);
    }

    /** The units that failed when they last ran. */
    /** The sum of every measured time: how much work the history knows of. */
    public double totalSeconds() {
        return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public Set<String> failed() {
        return Set.copyOf(failed);
    }

    public Map<String, Double> asMap() {
        return Map.copyOf(seconds);
    }

    private static double median(Map<String, Double> values) {
        if (values.isEmpty()) {
            return NOTHING_KNOWN_SECONDS;
        }
        double[] sorted = values.values().stream()
                .mapToDouble(Double::doubleValue)
                .sorted()
                .toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The stored form: {@code target/cloudist/timings.json}. */
    record TimingsDocument(int schema, Map<String, Double> seconds, List<String> failed)
            implements Documents.Versioned {
        TimingsDocument {
            seconds = Map.copyOf(seconds);
            failed = failed == null ? List.of() : List.copyOf(failed);
        }
    }
}
