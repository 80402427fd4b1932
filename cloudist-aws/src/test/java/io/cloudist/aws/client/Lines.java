package io.cloudist.aws.client;

import io.cloudist.core.RunListener;
import io.cloudist.core.report.ConsoleLine;
import java.util.ArrayList;
import java.util.List;

/** A listener that keeps the lines it is told. */
public final class Lines implements RunListener {
    private final List<ConsoleLine> lines = new ArrayList<>();

    @Override
    public synchronized void line(ConsoleLine line) {
        lines.add(line);
    }

    public synchronized List<String> texts() {
        return lines.stream().map(ConsoleLine::text).toList();
    }

    public synchronized List<String> warnings() {
        return lines.stream()
                .filter(l -> l.level() == ConsoleLine.Level.WARN)
                .map(ConsoleLine::text)
                .toList();
    }
}
