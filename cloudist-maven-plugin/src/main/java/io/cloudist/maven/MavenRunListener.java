package io.cloudist.maven;

import io.cloudist.core.RunListener;
import io.cloudist.core.report.ConsoleLine;
import java.util.Locale;
import org.apache.maven.plugin.logging.Log;

/** Adapts cloudist's run events to Maven's log and console. */
final class MavenRunListener implements RunListener {
    private final Log log;
    private final ProgressDisplay progress;

    MavenRunListener(Log log, ProgressDisplay progress) {
        this.log = log;
        this.progress = progress;
    }

    @Override
    public void line(ConsoleLine line) {
        progress.clear();
        switch (line.level()) {
            case INFO -> log.info(line.text());
            case WARN -> log.warn(line.text());
            case ERROR -> log.error(line.text());
        }
    }

    @Override
    public void progress(Progress snapshot) {
        progress.show(describe(snapshot));
    }

    /** Removes the progress line; call when the run ends. */
    void finish() {
        progress.clear();
    }

    static String describe(Progress p) {
        StringBuilder text = new StringBuilder("Tests ")
                .append(p.testsDone())
                .append('/')
                .append(p.testsTotal())
                .append(", failures ")
                .append(p.failures())
                .append(", workers busy ")
                .append(p.workersBusy())
                .append('/')
                .append(p.workers());
        if (p.etaSeconds() >= 0) {
            text.append(", ETA ").append(duration(p.etaSeconds()));
        }
        return text.toString();
    }

    private static String duration(long seconds) {
        return seconds < 60
                ? seconds + "s"
                : seconds / 60 + "m " + String.format(Locale.ROOT, "%02d", seconds % 60) + "s";
    }
}
