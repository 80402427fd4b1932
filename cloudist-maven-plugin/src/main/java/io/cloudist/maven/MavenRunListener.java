package io.cloudist.maven;

import io.cloudist.core.RunListener;
import io.cloudist.core.report.ConsoleLine;
import java.io.PrintStream;
import java.util.Locale;
import org.apache.maven.plugin.logging.Log;

/**
 * Adapts cloudist's run events to Maven's log and console. What tests printed goes to the standard streams as it was
 * printed, without a log prefix, as Surefire echoes it.
 */
final class MavenRunListener implements RunListener {
    private final Log log;
    private final ProgressDisplay progress;
    private final PrintStream stdout;
    private final PrintStream stderr;

    /**
     * @param stdout where tests' standard output goes (Maven's own standard output)
     * @param stderr where tests' standard error goes
     */
    MavenRunListener(Log log, ProgressDisplay progress, PrintStream stdout, PrintStream stderr) {
        this.log = log;
        this.progress = progress;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public void line(ConsoleLine line) {
        progress.clear();
        switch (line.level()) {
            case INFO -> log.info(line.text());
            case WARN -> log.warn(line.text());
            case ERROR -> log.error(line.text());
            case STDOUT -> printed(stdout, line.text());
            case STDERR -> printed(stderr, line.text());
        }
    }

    private static void printed(PrintStream stream, String text) {
        stream.print(text);
        stream.flush();
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
        StringBuilder text = new StringBuilder("cloudist: tests ")
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
