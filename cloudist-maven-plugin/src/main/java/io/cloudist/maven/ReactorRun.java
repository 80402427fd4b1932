package io.cloudist.maven;

import io.cloudist.core.CloudistException;
import io.cloudist.core.NoTestsException;
import io.cloudist.core.run.ReactorOutcome;
import io.cloudist.core.run.ReactorRequest;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * One session's reactor run (design record 0009): modules' executions collect into it, the execution or Maven event
 * that accounts for the last project runs it on its own thread, and at the end of the session each module that it
 * fails is reported to Maven as that module's failure. The decisions are {@link ReactorLedger}'s; this class acts
 * on them.
 */
final class ReactorRun {
    /**
     * Carries out a reactor's run: {@link CloudistRunner} does, through core, and {@link ImageRunner} builds the run's
     * image instead ({@code cloudist:image}); tests pass a fake.
     */
    interface Runner {
        /** @param lead the module whose console and extension the run uses */
        ReactorOutcome run(ReactorRequest request, ReactorModule lead);

        /** The modules that the run's outcome fails. */
        default List<ModuleFailure> failures(List<ReactorModule> modules, ReactorOutcome outcome) {
            return ReactorVerdicts.failures(modules, outcome);
        }

        /** What the run does with a module that collects into it, said when it does. */
        default String collected() {
            return "its tests run with the reactor's after the last module (-Dcloudist.reactor=false runs them now)";
        }

        /**
         * Starts, in the background, what the run will do first with {@code module}'s tests, while Maven builds the
         * reactor's other modules; it returns at once.
         */
        default void warmUp(ReactorModule module) {}

        /** What the run does, said when it starts: "running the tests of 3 modules as one run". */
        default String starting(int modules) {
            return "running the tests of " + modules + (modules == 1 ? " module" : " modules") + " as one run";
        }
    }

    private final ReactorView reactor;
    private final WeakReference<MavenExecutionRequest> request;
    private final Runner runner;
    private final ReactorLedger ledger;
    private final List<ModuleFailure> failures = new ArrayList<>();
    private volatile Log log;

    /**
     * @param request the session's request, whose execution listener tells this run when projects and the session end
     * @param log where the run logs until a module's execution collects into it
     */
    ReactorRun(ReactorView reactor, MavenExecutionRequest request, Runner runner, Log log) {
        this.reactor = reactor;
        this.request = new WeakReference<>(request);
        this.runner = runner;
        this.ledger = new ReactorLedger(reactor);
        this.log = log;
    }

    /**
     * A module's execution hands its tests to the run; the run starts here when this was the last project missing.
     *
     * @return false when the module must run its tests on its own now: the run started without it
     * @throws MojoFailureException when the run fails modules and Maven's execution listener is no longer this run's,
     *     so that the end of the session could not report them: one exception names every failing module
     */
    boolean collect(ReactorModule module) throws MojoExecutionException, MojoFailureException {
        log = module.console().log();
        ReactorLedger.Step step = ledger.collect(module);
        if (step instanceof ReactorLedger.Step.RunAlone) {
            return false;
        }
        if (!(step instanceof ReactorLedger.Step.NotRun)) {
            log.info("cloudist: " + module.name() + " collected; " + runner.collected());
        }
        if (step instanceof ReactorLedger.Step.Wait) {
            runner.warmUp(module);
        }
        act(step);
        throwUnreported(step);
        return true;
    }

    /**
     * A project's execution found nothing to run; the run starts here when this was the last project missing.
     *
     * @throws MojoFailureException as {@link #collect} does
     */
    void account(MavenProject project, Log executionLog) throws MojoExecutionException, MojoFailureException {
        log = executionLog;
        ReactorLedger.Step step = ledger.account(project);
        act(step);
        throwUnreported(step);
    }

    /** Maven says a project ended; the run starts here when this was the last project missing. */
    void ended(MavenProject project) {
        act(ledger.ended(project));
    }

    /**
     * The session ends, before Maven prints its summary: what was collected and never run runs now (unless
     * {@code --fail-fast} forbids it), and each module the run fails is reported as that module's failure.
     */
    void sessionEnded() {
        act(ledger.sessionEnded());
        ReactorFailures.apply(takeFailures(), reactor.result());
    }

    /** Something went wrong in the run's own code, outside any goal: the build fails with it rather than lose it. */
    void failed(RuntimeException e) {
        reactor.result().addException(e);
    }

    private void act(ReactorLedger.Step step) {
        if (step instanceof ReactorLedger.Step.NotRun notRun) {
            log.warn(notRun.warning());
        } else if (step instanceof ReactorLedger.Step.Run run) {
            execute(run.batch());
        }
    }

    /**
     * After a run in a goal: when this run no longer hears the end of the session (someone replaced Maven's execution
     * listener), the goal throws what the run failed, naming every module, rather than have it lost.
     */
    private void throwUnreported(ReactorLedger.Step step) throws MojoExecutionException, MojoFailureException {
        if (!(step instanceof ReactorLedger.Step.Run) || ReactorListener.delivers(request.get(), this)) {
            return;
        }
        List<ModuleFailure> failed = takeFailures();
        if (failed.isEmpty()) {
            return;
        }
        Exception combined = ReactorFailures.combined(failed);
        if (combined instanceof MojoExecutionException e) {
            throw e;
        }
        throw (MojoFailureException) combined;
    }

    private void execute(ReactorBatch batch) {
        Log runLog = batch.lead().console().log();
        int size = batch.modules().size();
        runLog.info("cloudist: " + runner.starting(size) + ": " + batch.names());
        List<ModuleFailure> found;
        try {
            ReactorRequest request = batch.request(ReactorBatch.rootModule(reactor.root()));
            runLog.debug("cloudist reactor run request: " + request);
            found = runner.failures(batch.modules(), runner.run(request, batch.lead()));
        } catch (NoTestsException e) {
            found = runFailed(batch, new MojoFailureException(e.getMessage()));
        } catch (CloudistException e) {
            MavenExecutionRequest session = this.request.get();
            found = runFailed(
                    batch, ErrorMessages.toMojoException(e, runLog, session != null && session.isShowErrors()));
        } catch (RuntimeException e) {
            runLog.debug("cloudist's reactor run failed", e);
            found = runFailed(batch, new MojoExecutionException("cloudist's reactor run failed: " + e, e));
        }
        synchronized (failures) {
            failures.addAll(found);
        }
    }

    /** The run as a whole failed: its error is the lead's, and the other modules are named. */
    private static List<ModuleFailure> runFailed(ReactorBatch batch, Exception cause) {
        List<ReactorModule> others =
                batch.modules().stream().filter(m -> m != batch.lead()).toList();
        if (!others.isEmpty()) {
            batch.lead()
                    .console()
                    .log()
                    .warn("cloudist: the tests of " + ReactorBatch.names(others)
                            + " did not run: the reactor's run failed, and its error is reported on "
                            + batch.lead().name() + ".");
        }
        return List.of(new ModuleFailure(batch.lead(), cause));
    }

    private List<ModuleFailure> takeFailures() {
        synchronized (failures) {
            List<ModuleFailure> taken = List.copyOf(failures);
            failures.clear();
            return taken;
        }
    }
}
