package io.cloudist.core.run;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;

/** Where a run's time went, phase by phase. */
final class Timings {
    private final Map<String, Long> millis = new LinkedHashMap<>();

    void time(String phase, Runnable work) {
        time(phase, () -> {
            work.run();
            return null;
        });
    }

    <T> T time(String phase, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            millis.merge(phase, (System.nanoTime() - start) / 1_000_000, Long::sum);
        }
    }

    @Override
    public String toString() {
        StringJoiner line = new StringJoiner(", ");
        millis.forEach((phase, ms) -> line.add(String.format(Locale.ROOT, "%s %.1f s", phase, ms / 1000.0)));
        return line.toString();
    }
}
