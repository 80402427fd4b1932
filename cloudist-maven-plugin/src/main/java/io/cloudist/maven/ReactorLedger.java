package io.cloudist.maven;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.execution.BuildFailure;
import org.apache.maven.project.MavenProject;

/**
 * Decides, for one Maven session, when the reactor's run starts: once every project of the build is accounted for,
 * exactly once, unless {@code --fail-fast} forbids it. A project is accounted for when its execution collected it or
 * found nothing to run, when it has finished (its build summary is recorded, success or failure), when Maven said it
 * ended or skipped it, or, unless under {@code --fail-never}, when it depends on a project that failed (Maven skips
 * those, sometimes without a word). Thread-safe: under {@code -T} executions record concurrently, and the one whose
 * record completes the set gets the batch to run on its own thread. Projects are compared by identity, as Maven keys
 * its build summaries.
 */
final class ReactorLedger {
    private enum State {
        COLLECTING,
        STARTED,
        NOT_RUN
    }

    private final ReactorView reactor;
    private final List<ReactorModule> collected = new ArrayList<>();
    private final Set<MavenProject> accounted = Collections.newSetFromMap(new IdentityHashMap<>());
    private State state = State.COLLECTING;
    private String notRunReason = "";

    ReactorLedger(ReactorView reactor) {
        this.reactor = reactor;
    }

    /** What the caller does next. */
    sealed interface Step {
        /** Nothing now: other projects are still to come, or there is nothing to run. */
        record Wait() implements Step {}

        /** Run these modules now, on the caller's thread. */
        record Run(ReactorBatch batch) implements Step {}

        /** The reactor's run has already started without this module: run its tests on their own, now. */
        record RunAlone() implements Step {}

        /** These modules' tests will not run; log the warning. */
        record NotRun(String warning) implements Step {}
    }

    /**
     * A module's execution hands its tests to the reactor's run. One that comes after the run has started, or a
     * second execution in a module already collected, runs its tests on its own instead.
     */
    synchronized Step collect(ReactorModule module) {
        if (state == State.NOT_RUN) {
            return new Step.NotRun(notRunWarning(List.of(module)));
        }
        if (state == State.STARTED || collected.stream().anyMatch(m -> m.project() == module.project())) {
            return new Step.RunAlone();
        }
        collected.add(module);
        accounted.add(module.project());
        return next();
    }

    /** A project's execution found nothing to run (skipped, no tests, a {@code pom} module). */
    synchronized Step account(MavenProject project) {
        accounted.add(project);
        return next();
    }

    /** Maven says a project ended: succeeded, failed or was skipped. */
    synchronized Step ended(MavenProject project) {
        accounted.add(project);
        return next();
    }

    /**
     * The session is ending: what was collected and not run yet runs now, whatever is still missing, unless
     * {@code --fail-fast} forbids it.
     */
    synchronized Step sessionEnded() {
        if (state != State.COLLECTING || collected.isEmpty()) {
            return new Step.Wait();
        }
        Optional<Step> notRun = notRunAfterFailure();
        return notRun.isPresent() ? notRun.get() : start();
    }

    /** Whether the run has started (or been decided against): later modules no longer join it. */
    synchronized boolean closed() {
        return state != State.COLLECTING;
    }

    private Step next() {
        if (state != State.COLLECTING) {
            return new Step.Wait();
        }
        Optional<Step> notRun = notRunAfterFailure();
        if (notRun.isPresent()) {
            return notRun.get();
        }
        return !collected.isEmpty() && complete() ? start() : new Step.Wait();
    }

    /** Under {@code --fail-fast}, a failed project means no run; names what was collected. */
    private Optional<Step> notRunAfterFailure() {
        if (!reactor.failFast()) {
            return Optional.empty();
        }
        Optional<MavenProject> failed = reactor.projects().stream()
                .filter(p -> reactor.result().getBuildSummary(p) instanceof BuildFailure)
                .findFirst();
        if (failed.isEmpty()) {
            return Optional.empty();
        }
        state = State.NOT_RUN;
        notRunReason = "the build already failed in " + failed.get().getArtifactId()
                + ", and --fail-fast (Maven's default) stops a build at its first failure; -fae runs them";
        return Optional.of(collected.isEmpty() ? new Step.Wait() : new Step.NotRun(notRunWarning(collected)));
    }

    private String notRunWarning(List<ReactorModule> modules) {
        return "cloudist: the tests of " + ReactorBatch.names(modules) + " were not run: " + notRunReason + ".";
    }

    private boolean complete() {
        Set<MavenProject> banned = Collections.newSetFromMap(new IdentityHashMap<>());
        if (!reactor.failNever()) {
            for (MavenProject project : reactor.projects()) {
                if (reactor.result().getBuildSummary(project) instanceof BuildFailure) {
                    banned.addAll(reactor.downstream().apply(project));
                }
            }
        }
        return reactor.projects().stream()
                .allMatch(p ->
                        accounted.contains(p) || reactor.result().getBuildSummary(p) != null || banned.contains(p));
    }

    private Step start() {
        state = State.STARTED;
        List<ReactorModule> ordered = new ArrayList<>(collected);
        ordered.sort(Comparator.comparingInt(this::reactorIndex));
        return new Step.Run(new ReactorBatch(ordered, collected.get(collected.size() - 1)));
    }

    private int reactorIndex(ReactorModule module) {
        List<MavenProject> projects = reactor.projects();
        for (int i = 0; i < projects.size(); i++) {
            if (projects.get(i) == module.project()) {
                return i;
            }
        }
        return projects.size();
    }
}
