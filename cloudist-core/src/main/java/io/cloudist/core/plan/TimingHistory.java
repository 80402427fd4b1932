package io.cloudist.core.plan;

import io.cloudist.core.CloudistException;
import io.cloudist.core.protocol.Documents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long each unit took on earlier runs, keyed by class name or unique id: the wall time and, where the test JVM
 * said, the CPU time of each of its last {@value #SAMPLES} runs. A unit is expected to take the median of its
 * samples, so that one run slowed by a neighbour (a class that computes next to another that computes, on fewer cores
 * than workers) or by a cold cache does not move the plan, and one fast run does not either. Unknown units are
 * expected to take the median of the known ones (1 s when nothing is known), so a new class is neither starved nor
 * put first.
 */
public final class TimingHistory {
    private static final Logger LOG = LoggerFactory.getLogger(TimingHistory.class);
    private static final double NOTHING_KNOWN_SECONDS = 1.0;

    /** How many runs of a unit are kept. */
    static final int SAMPLES = 5;

    private final Map<String, List<Sample>> samples;
    private final Map<String, Double> seconds;
    private final Set<String> failed;
    private final double median;

    public TimingHistory(Map<String, Double> seconds) {
        this(seconds, Set.of());
    }

    /** @param failed the units that failed when they last ran (for Surefire's {@code runOrder=failedfirst}) */
    public TimingHistory(Map<String, Double> seconds, Set<String> failed) {
        this(failed, single(seconds, Map.of()));
    }

    private TimingHistory(Set<String> failed, Map<String, List<Sample>> samples) {
        this.samples = new TreeMap<>(samples);
        this.seconds = new TreeMap<>();
        this.samples.forEach((key, runs) -> seconds.put(
                key, median(runs.stream().mapToDouble(Sample::seconds).toArray())));
        this.failed = new TreeSet<>(failed);
        this.median = median(
                this.seconds.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * One run's measurements.
     *
     * @param seconds each unit's wall time
     * @param cpuSeconds each unit's CPU time, for the units whose test JVM said
     * @param failed the units with a failed or erred test
     */
    public static TimingHistory ofRun(Map<String, Double> seconds, Map<String, Double> cpuSeconds, Set<String> failed) {
        return new TimingHistory(failed, single(seconds, cpuSeconds));
    }

    private static Map<String, List<Sample>> single(Map<String, Double> seconds, Map<String, Double> cpuSeconds) {
        Map<String, List<Sample>> runs = new TreeMap<>();
        seconds.forEach((key, value) -> runs.put(key, List.of(new Sample(value, cpuSeconds.get(key)))));
        return runs;
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

    /** Builds the reader and writer of the stored form now, ahead of a run's first read ({@link Documents#prefetch}). */
    public static void prefetch() {
        Documents.prefetch(TimingsDocument.class);
    }

    /** Reads the stored form; a history written before samples were kept counts its times as one sample each. */
    public static TimingHistory parse(byte[] document) {
        TimingsDocument read = Documents.read(document, TimingsDocument.class);
        Map<String, List<Sample>> runs = new TreeMap<>(single(read.seconds(), Map.of()));
        read.samples().forEach((key, kept) -> {
            List<Sample> valid = kept.stream()
                    .filter(sample -> sample != null && sample.valid())
                    .toList();
            if (!valid.isEmpty()) {
                runs.put(key, valid.subList(Math.max(0, valid.size() - SAMPLES), valid.size()));
            }
        });
        return new TimingHistory(Set.copyOf(read.failed()), runs);
    }

    /** The stored form, as {@link #write(Path)} writes it and {@link #parse(byte[])} reads it. */
    public byte[] toBytes() {
        return Documents.write(new TimingsDocument(Documents.SCHEMA, seconds, List.copyOf(failed), samples));
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

    /** The expected seconds of a unit: the median of its runs' times. */
    public double expected(Unit unit) {
        return seconds.getOrDefault(unit.key(), median);
    }

    /**
     * How many cores a unit keeps busy while it runs: the median of its runs' CPU time over their wall time; 0 when
     * no run of it said (a unit of unknown weight is planned as one that waits).
     */
    public double cpuShare(Unit unit) {
        double[] shares = samples.getOrDefault(unit.key(), List.of()).stream()
                .filter(sample -> sample.cpuSeconds() != null && sample.seconds() > 0)
                .mapToDouble(sample -> sample.cpuSeconds() / sample.seconds())
                .toArray();
        return shares.length == 0 ? 0 : median(shares);
    }

    /** A new history with these measurements overlaid (replacing what it knew of the same keys). */
    public TimingHistory with(Map<String, Double> measured) {
        return with(new TimingHistory(measured));
    }

    /**
     * A new history with a later one's units overlaid on this one's (a unit it knows is replaced with its runs): a
     * unit it measured failed exactly when it says so.
     */
    public TimingHistory with(TimingHistory later) {
        Map<String, List<Sample>> merged = new TreeMap<>(samples);
        merged.putAll(later.samples);
        return new TimingHistory(failedAfter(later), merged);
    }

    /**
     * A new history with one more run: each unit {@code run} measured gets its sample added to its last ones (the
     * oldest beyond {@value #SAMPLES} forgotten).
     */
    public TimingHistory withRun(TimingHistory run) {
        Map<String, List<Sample>> merged = new TreeMap<>(samples);
        run.samples.forEach((key, measured) -> {
            List<Sample> kept = new ArrayList<>(merged.getOrDefault(key, List.of()));
            kept.addAll(measured);
            merged.put(key, List.copyOf(kept.subList(Math.max(0, kept.size() - SAMPLES), kept.size())));
        });
        return new TimingHistory(failedAfter(run), merged);
    }

    private Set<String> failedAfter(TimingHistory later) {
        Set<String> merged = new TreeSet<>(failed);
        merged.removeAll(later.seconds.keySet());
        merged.addAll(later.failed);
        return merged;
    }

    /** The sum of every expected time: how much work the history knows of. */
    public double totalSeconds() {
        return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The units that failed when they last ran. */
    public Set<String> failed() {
        return Set.copyOf(failed);
    }

    /** Each known unit's expected seconds. */
    public Map<String, Double> asMap() {
        return Map.copyOf(seconds);
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return NOTHING_KNOWN_SECONDS;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /**
     * One run of a unit.
     *
     * @param seconds its wall time
     * @param cpuSeconds the CPU time its test JVM used meanwhile, null when unknown
     */
    record Sample(double seconds, Double cpuSeconds) {
        boolean valid() {
            return Double.isFinite(seconds)
                    && seconds >= 0
                    && (cpuSeconds == null || (Double.isFinite(cpuSeconds) && cpuSeconds >= 0));
        }
    }

    /**
     * The stored form: {@code target/cloudist/timings.json}. {@code seconds} holds each unit's expected time (what
     * histories written before samples were kept hold alone), {@code samples} its last runs.
     */
    record TimingsDocument(
            int schema, Map<String, Double> seconds, List<String> failed, Map<String, List<Sample>> samples)
            implements Documents.Versioned {
        TimingsDocument {
            seconds = seconds == null ? Map.of() : Map.copyOf(seconds);
            failed = failed == null ? List.of() : List.copyOf(failed);
            samples = samples == null ? Map.of() : samples;
        }
    }
}
