package io.cloudist.maven;

import java.io.PrintStream;
import java.util.Objects;
import org.apache.maven.plugin.logging.Log;

/**
 * Where a run's output goes: a goal's log, and Maven's own standard streams for what tests print. A goal captures it
 * in its entry point, so that a reactor's run started later, from another module or from the end of the session,
 * prints where that goal would have.
 *
 * @param log the goal's log
 * @param interactive Maven runs interactively on a console: progress is one updating line
 * @param stdout where tests' standard output goes
 * @param stderr where tests' standard error goes
 */
record RunConsole(Log log, boolean interactive, PrintStream stdout, PrintStream stderr) {
    RunConsole {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    /** A listener for one run; call {@link MavenRunListener#finish()} when it ends. */
    MavenRunListener listener() {
        return new MavenRunListener(log, ProgressDisplay.of(interactive, log), stdout, stderr);
    }
}
