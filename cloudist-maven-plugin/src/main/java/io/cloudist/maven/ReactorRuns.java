package io.cloudist.maven;

import java.util.Map;
import java.util.WeakHashMap;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;

/**
 * The reactor runs of the sessions in progress, one per session, keyed by the session's request: under {@code -T}
 * each project builds with its own clone of the session, and the clones share the request. The request does not
 * override {@code equals}, so it is compared by identity; its entry goes at the end of its session, and the keys are
 * weak, so that an embedded Maven (mvnd) that keeps the plugin loaded keeps no session alive.
 */
final class ReactorRuns {
    private static final Map<MavenExecutionRequest, ReactorRun> RUNS = new WeakHashMap<>();
    private static final Map<MavenExecutionRequest, ReactorRun> IMAGES = new WeakHashMap<>();

    private ReactorRuns() {}

    /**
     * The session's reactor run; the first call creates it and wraps Maven's execution listener, through which it
     * hears projects end and the session end.
     *
     * @param log where the run logs until a module's execution collects into it
     */
    static ReactorRun of(MavenSession session, Log log) {
        return of(RUNS, session, new CloudistRunner(), log);
    }

    /**
     * The session's reactor image build ({@code cloudist:image}): modules collect into it as into a run, and after the
     * last one it builds the one image that the reactor's run boots its workers from.
     */
    static ReactorRun images(MavenSession session, Log log) {
        return of(IMAGES, session, new ImageRunner(), log);
    }

    private static ReactorRun of(
            Map<MavenExecutionRequest, ReactorRun> runs, MavenSession session, ReactorRun.Runner runner, Log log) {
        MavenExecutionRequest request = session.getRequest();
        synchronized (RUNS) {
            return runs.computeIfAbsent(request, r -> {
                ReactorRun run = new ReactorRun(ReactorView.of(session), r, runner, log);
                ReactorListener.install(r, run);
                return run;
            });
        }
    }

    /** Forgets the session's run, at its end. */
    static void remove(MavenExecutionRequest request) {
        synchronized (RUNS) {
            RUNS.remove(request);
            IMAGES.remove(request);
        }
    }
}
