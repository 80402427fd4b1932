package io.cloudist.maven;

import org.apache.maven.execution.AbstractExecutionListener;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;
import org.apache.maven.execution.MavenExecutionRequest;

/**
 * Maven's execution listener, wrapped: every event goes on to the listener it replaces (Maven's console logger), and
 * the reactor's run also hears when a project ends, and when the session ends, before the reactor summary is printed.
 * Maven reads the request's listener anew for every event (maven-core 3.8 and 3.9,
 * {@code DefaultExecutionEventCatapult}), so wrapping it from a goal takes effect at once.
 */
final class ReactorListener implements ExecutionListener {
    private final MavenExecutionRequest request;
    private final ExecutionListener original;
    private final ExecutionListener delegate;
    private final ReactorRun run;

    private ReactorListener(MavenExecutionRequest request, ReactorRun run) {
        this.request = request;
        this.original = request.getExecutionListener();
        this.delegate = original != null ? original : new AbstractExecutionListener();
        this.run = run;
    }

    /** Wraps {@code request}'s listener, so that {@code run} hears projects and the session end. */
    static void install(MavenExecutionRequest request, ReactorRun run) {
        request.setExecutionListener(new ReactorListener(request, run));
    }

    /**
     * Whether {@code request}'s listener still delivers events to {@code run}: it is this run's wrapper, or the
     * wrapper of another copy of cloudist (another plugin class realm), which wrapped this one in turn.
     */
    static boolean delivers(MavenExecutionRequest request, ReactorRun run) {
        if (request == null) {
            return false;
        }
        ExecutionListener current = request.getExecutionListener();
        if (current instanceof ReactorListener listener) {
            return listener.run == run;
        }
        return current != null && current.getClass().getName().equals(ReactorListener.class.getName());
    }

    @Override
    public void sessionEnded(ExecutionEvent event) {
        try {
            run.sessionEnded();
        } catch (RuntimeException e) {
            run.failed(e);
        } finally {
            ReactorRuns.remove(request);
            if (request.getExecutionListener() == this) {
                request.setExecutionListener(original);
            }
            delegate.sessionEnded(event);
        }
    }

    @Override
    public void projectSucceeded(ExecutionEvent event) {
        delegate.projectSucceeded(event);
        ended(event);
    }

    @Override
    public void projectFailed(ExecutionEvent event) {
        delegate.projectFailed(event);
        ended(event);
    }

    @Override
    public void projectSkipped(ExecutionEvent event) {
        delegate.projectSkipped(event);
        ended(event);
    }

    /** A failure here must not reach Maven's builder, which would halt the build: it is recorded as the build's. */
    private void ended(ExecutionEvent event) {
        try {
            run.ended(event.getProject());
        } catch (RuntimeException e) {
            run.failed(e);
        }
    }

    @Override
    public void projectDiscoveryStarted(ExecutionEvent event) {
        delegate.projectDiscoveryStarted(event);
    }

    @Override
    public void sessionStarted(ExecutionEvent event) {
        delegate.sessionStarted(event);
    }

    @Override
    public void projectStarted(ExecutionEvent event) {
        delegate.projectStarted(event);
    }

    @Override
    public void mojoSkipped(ExecutionEvent event) {
        delegate.mojoSkipped(event);
    }

    @Override
    public void mojoStarted(ExecutionEvent event) {
        delegate.mojoStarted(event);
    }

    @Override
    public void mojoSucceeded(ExecutionEvent event) {
        delegate.mojoSucceeded(event);
    }

    @Override
    public void mojoFailed(ExecutionEvent event) {
        delegate.mojoFailed(event);
    }

    @Override
    public void forkStarted(ExecutionEvent event) {
        delegate.forkStarted(event);
    }

    @Override
    public void forkSucceeded(ExecutionEvent event) {
        delegate.forkSucceeded(event);
    }

    @Override
    public void forkFailed(ExecutionEvent event) {
        delegate.forkFailed(event);
    }

    @Override
    public void forkedProjectStarted(ExecutionEvent event) {
        delegate.forkedProjectStarted(event);
    }

    @Override
    public void forkedProjectSucceeded(ExecutionEvent event) {
        delegate.forkedProjectSucceeded(event);
    }

    @Override
    public void forkedProjectFailed(ExecutionEvent event) {
        delegate.forkedProjectFailed(event);
    }
}
