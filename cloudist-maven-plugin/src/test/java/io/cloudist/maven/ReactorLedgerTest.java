package io.cloudist.maven;

import static org.apache.maven.execution.MavenExecutionRequest.REACTOR_FAIL_AT_END;
import static org.apache.maven.execution.MavenExecutionRequest.REACTOR_FAIL_FAST;
import static org.apache.maven.execution.MavenExecutionRequest.REACTOR_FAIL_NEVER;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.maven.ReactorLedger.Step;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.maven.execution.BuildFailure;
import org.apache.maven.execution.BuildSuccess;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

class ReactorLedgerTest {
    final ReactorFixture reactor = new ReactorFixture();
    final RecordingLog log = new RecordingLog();

    @Test
    void theExecutionThatAccountsForTheLastProjectGetsEveryModuleToRun() {
        ReactorLedger ledger = new ReactorLedger(reactor.view());

        assertThat(ledger.account(reactor.root)).isInstanceOf(Step.Wait.class);
        assertThat(ledger.collect(module(reactor.a))).isInstanceOf(Step.Wait.class);
        assertThat(ledger.collect(module(reactor.b))).isInstanceOf(Step.Wait.class);
        Step last = ledger.collect(module(reactor.c));

        assertThat(names(last)).containsExactly("a", "b", "c");
        assertThat(((Step.Run) last).batch().lead().name()).isEqualTo("c");
        assertThat(ledger.sessionEnded()).isInstanceOf(Step.Wait.class);
    }

    @Test
    void modulesRunInReactorOrderWhicheverOrderTheyCameInAndTheLastCollectedLeads() {
        ReactorLedger ledger = new ReactorLedger(reactor.view());
        ledger.collect(module(reactor.c));
        ledger.account(reactor.root);
        ledger.collect(module(reactor.a));

        Step last = ledger.collect(module(reactor.b));

        assertThat(names(last)).containsExactly("a", "b", "c");
        assertThat(((Step.Run) last).batch().lead().name()).isEqualTo("b");
    }

    @Test
    void aProjectThatHasFinishedIsAccountedForWithoutAnExecutionOfCloudist() {
        ReactorLedger ledger = new ReactorLedger(reactor.view());
        reactor.result.addBuildSummary(new BuildSuccess(reactor.root, 10));
        reactor.result.addBuildSummary(new BuildSuccess(reactor.b, 10));
        ledger.collect(module(reactor.a));

        assertThat(names(ledger.collect(module(reactor.c)))).containsExactly("a", "c");
    }

    @Test
    void aSkippedModuleCompletesTheSetAndItsExecutionRunsTheOthers() {
        ReactorLedger ledger = new ReactorLedger(reactor.view());
        ledger.account(reactor.root);
        ledger.collect(module(reactor.a));
        ledger.collect(module(reactor.b));

        assertThat(names(ledger.account(reactor.c))).containsExactly("a", "b");
    }

    @Test
    void nothingCollectedRunsNothing() {
        ReactorLedger ledger = new ReactorLedger(reactor.view());
        for (MavenProject project : reactor.projects) {
            assertThat(ledger.account(project)).isInstanceOf(Step.Wait.class);
        }
        assertThat(ledger.sessionEnded()).isInstanceOf(Step.Wait.class);
    }

    @Test
    void underFailAtEndTheProjectsDownstreamOfAFailureAreAccountedFor() {
        ReactorLedger ledger = new ReactorLedger(reactor.view(REACTOR_FAIL_AT_END));
        ledger.account(reactor.root);
        reactor.result.addBuildSummary(new BuildFailure(reactor.b, 10, new Exception("compilation failure")));

        // c depends on b: Maven skips it, and may not even say so (-T).
        assertThat(names(ledger.collect(module(reactor.a)))).containsExactly("a");
    }

    @Test
    void underFailNeverTheProjectsDownstreamOfAFailureStillBuildAndAreWaitedFor() {
        ReactorLedger ledger = new ReactorLedger(reactor.view(REACTOR_FAIL_NEVER));
        ledger.account(reactor.root);
        reactor.result.addBuildSummary(new BuildFailure(reactor.b, 10, new Exception("compilation failure")));

        assertThat(ledger.collect(module(reactor.a))).isInstanceOf(Step.Wait.class);
        assertThat(names(ledger.collect(module(reactor.c)))).containsExactly("a", "c");
    }

    @Test
    void aProjectMavenSaysItSkippedIsAccountedFor() {
        ReactorLedger ledger = new ReactorLedger(reactor.view(REACTOR_FAIL_AT_END));
        ledger.account(reactor.root);
        ledger.collect(module(reactor.a));
        ledger.collect(module(reactor.b));

        assertThat(names(ledger.ended(reactor.c))).containsExactly("a", "b");
    }

    @Test
    void underFailFastAFailureMeansNoRunAndNamesEveryCollectedModuleOnce() {
        ReactorLedger ledger = new ReactorLedger(reactor.view(REACTOR_FAIL_FAST));
        ledger.account(reactor.root);
        ledger.collect(module(reactor.a));
        reactor.result.addBuildSummary(new BuildFailure(reactor.b, 10, new Exception("compilation failure")));

        Step failed = ledger.ended(reactor.b);
        Step inFlight = ledger.collect(module(reactor.c));

        assertThat(failed)
                .isEqualTo(new Step.NotRun("cloudist: the tests of a were not run: the build already failed in b,"
                        + " and --fail-fast (Maven's default) stops a build at its first failure; -fae runs them."));
        assertThat(inFlight)
                .isInstanceOfSatisfying(
                        Step.NotRun.class,
                        n -> assertThat(n.warning())
                                .startsWith("cloudist: the tests of c were not run: the build already failed in b"));
        assertThat(ledger.sessionEnded()).isInstanceOf(Step.Wait.class);
    }

    @Test
    void underFailFastTheSessionsEndRunsNothingAfterAFailure() {
        ReactorLedger ledger = new ReactorLedger(reactor.view(REACTOR_FAIL_FAST));
        ledger.collect(module(reactor.a));
        reactor.result.addBuildSummary(new BuildFailure(reactor.b, 10, new Exception("compilation failure")));

        assertThat(ledger.sessionEnded())
                .isInstanceOfSatisfying(
                        Step.NotRun.class,
                        n -> assertThat(n.warning())
                                .startsWith("cloudist: the tests of a were not run: the build already failed in b"));
    }

    @Test
    void theSessionsEndRunsWhatWasCollectedWhenAProjectNeverReported() {
        ReactorLedger ledger = new ReactorLedger(reactor.view(REACTOR_FAIL_AT_END));
        ledger.account(reactor.root);
        ledger.collect(module(reactor.a));
        ledger.collect(module(reactor.b));

        assertThat(names(ledger.sessionEnded())).containsExactly("a", "b");
        assertThat(ledger.sessionEnded()).isInstanceOf(Step.Wait.class);
    }

    @Test
    void aModuleThatComesAfterTheRunStartedRunsItsTestsOnItsOwn() {
        ReactorLedger ledger = new ReactorLedger(reactor.view(REACTOR_FAIL_AT_END));
        ledger.collect(module(reactor.a));
        ledger.sessionEnded();

        assertThat(ledger.collect(module(reactor.b))).isInstanceOf(Step.RunAlone.class);
    }

    @Test
    void aSecondExecutionInACollectedModuleRunsItsTestsOnItsOwn() {
        ReactorLedger ledger = new ReactorLedger(reactor.view());
        ledger.collect(module(reactor.a));

        assertThat(ledger.collect(module(reactor.a))).isInstanceOf(Step.RunAlone.class);
        assertThat(names(ledger.sessionEnded())).containsExactly("a");
    }

    @Test
    void twoThreadsRecordingTheLastProjectsAtOnceStartExactlyOneRunWithBoth() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 200; round++) {
                ReactorFixture fresh = new ReactorFixture();
                ReactorLedger ledger = new ReactorLedger(fresh.view());
                ledger.account(fresh.root);
                ledger.collect(module(fresh.a));
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Step> b = threads.submit(() -> {
                    together.await();
                    return ledger.collect(module(fresh.b));
                });
                Future<Step> c = threads.submit(() -> {
                    together.await();
                    return ledger.account(fresh.c);
                });
                List<Step> steps = List.of(b.get(), c.get());

                assertThat(steps).filteredOn(s -> s instanceof Step.Run).singleElement();
                assertThat(steps).filteredOn(s -> s instanceof Step.Wait).hasSize(1);
                assertThat(steps.stream().filter(s -> s instanceof Step.Run).map(this::names))
                        .containsExactly(List.of("a", "b"));
                assertThat(ledger.sessionEnded()).isInstanceOf(Step.Wait.class);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void manyThreadsCollectingAllTheModulesStartExactlyOneRun() throws Exception {
        List<MavenProject> projects = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            projects.add(ReactorFixture.project("m" + i, ReactorFixture.BASE.resolve("m" + i)));
        }
        ReactorFixture fixture = new ReactorFixture();
        ReactorLedger ledger = new ReactorLedger(
                new ReactorView(projects, fixture.result, p -> List.of(), REACTOR_FAIL_FAST, projects.get(0)));
        List<Step> steps = Collections.synchronizedList(new ArrayList<>());
        CyclicBarrier together = new CyclicBarrier(projects.size());
        List<Thread> threads = projects.stream()
                .map(p -> new Thread(() -> {
                    try {
                        together.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    steps.add(ledger.collect(module(p)));
                }))
                .toList();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(steps).filteredOn(s -> s instanceof Step.Run).singleElement();
        assertThat(steps.stream().filter(s -> s instanceof Step.Run).map(this::names))
                .containsExactly(
                        projects.stream().map(MavenProject::getArtifactId).toList());
    }

    private ReactorModule module(MavenProject project) {
        return reactor.module(project, log);
    }

    private List<String> names(Step step) {
        assertThat(step).isInstanceOf(Step.Run.class);
        return ((Step.Run) step)
                .batch().modules().stream().map(ReactorModule::name).toList();
    }
}
