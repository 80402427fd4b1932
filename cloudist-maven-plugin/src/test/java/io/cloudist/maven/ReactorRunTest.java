package io.cloudist.maven;

import static org.apache.maven.execution.MavenExecutionRequest.REACTOR_FAIL_AT_END;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.core.CloudistException;
import io.cloudist.core.report.Summary;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.AbstractExecutionListener;
import org.apache.maven.execution.BuildFailure;
import org.apache.maven.execution.BuildSuccess;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.lifecycle.LifecycleExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

class ReactorRunTest {
    final ReactorFixture reactor = new ReactorFixture();
    final RecordingLog log = new RecordingLog();
    final MavenExecutionRequest request = new DefaultMavenExecutionRequest();
    final List<String> mavenEvents = new ArrayList<>();

    ReactorRunTest() {
        request.setExecutionListener(new AbstractExecutionListener() {
            @Override
            public void projectSucceeded(ExecutionEvent event) {
                mavenEvents.add("projectSucceeded " + event.getProject().getArtifactId());
            }

            @Override
            public void sessionEnded(ExecutionEvent event) {
                mavenEvents.add("sessionEnded, failures: "
                        + reactor.result.getExceptions().size());
            }
        });
    }

    @Test
    void theLastModuleRunsEveryonesTestsOnceAsOneRunWithTheRootsDirectoriesForTheRun() throws Exception {
        ReactorRun run = install(reactor.view(), reactor);

        run.account(reactor.root, log);
        assertThat(run.collect(reactor.module(reactor.a, log))).isTrue();
        assertThat(run.collect(reactor.module(reactor.b, log))).isTrue();
        assertThat(reactor.runs).isEmpty();
        assertThat(run.collect(reactor.module(reactor.c, log))).isTrue();

        assertThat(reactor.runs).singleElement().satisfies(r -> {
            assertThat(r.lead().module().projectKey()).isEqualTo("com.acme:shop");
            assertThat(r.lead().module().workDirectory()).isEqualTo(ReactorFixture.BASE.resolve("target/cloudist"));
            assertThat(r.modules().stream().map(m -> m.module().projectKey()))
                    .containsExactly("com.acme:a", "com.acme:b", "com.acme:c");
        });
        assertThat(log.lines)
                .contains(
                        "INFO cloudist: a collected; its tests run with the reactor's after the last module"
                                + " (-Dcloudist.reactor=false runs them now)",
                        "INFO cloudist: running the tests of 3 modules as one run: a, b, c");
    }

    @Test
    void eachModuleThatWaitsForTheRunWarmsItUpAndTheLastOneRunsIt() throws Exception {
        ReactorRun run = install(reactor.view(), reactor);

        run.account(reactor.root, log);
        run.collect(reactor.module(reactor.a, log));
        run.collect(reactor.module(reactor.b, log));
        assertThat(reactor.warmedUp).containsExactly("com.acme:a", "com.acme:b");
        assertThat(reactor.runs).isEmpty();

        run.collect(reactor.module(reactor.c, log));

        assertThat(reactor.warmedUp).containsExactly("com.acme:a", "com.acme:b");
        assertThat(reactor.runs).hasSize(1);
    }

    @Test
    void failingModulesBecomeTheirOwnBuildFailuresWhenTheSessionEndsBeforeMavensSummary() throws Exception {
        reactor.summaries.put("com.acme:a", new Summary(3, 1, 0, 0, 0));
        reactor.summaries.put("com.acme:c", new Summary(3, 0, 2, 0, 0));
        ReactorRun run = install(reactor.view(), reactor);
        run.account(reactor.root, log);
        run.collect(reactor.module(reactor.a, log));
        run.collect(reactor.module(reactor.b, log));
        run.collect(reactor.module(reactor.c, log));
        for (MavenProject project : reactor.projects) {
            reactor.result.addBuildSummary(new BuildSuccess(project, 1234));
        }
        assertThat(reactor.result.getExceptions()).isEmpty();

        request.getExecutionListener().sessionEnded(event(null));

        assertThat(mavenEvents).containsExactly("sessionEnded, failures: 2");
        assertThat(reactor.result.getBuildSummary(reactor.a)).isInstanceOf(BuildFailure.class);
        assertThat(reactor.result.getBuildSummary(reactor.a).getTime()).isEqualTo(1234);
        assertThat(reactor.result.getBuildSummary(reactor.b)).isInstanceOf(BuildSuccess.class);
        assertThat(reactor.result.getBuildSummary(reactor.c)).isInstanceOf(BuildFailure.class);
        assertThat(reactor.result.getExceptions())
                .extracting(Throwable::getMessage)
                .containsExactly(
                        "Failed to execute goal io.cloudist:cloudist-maven-plugin:0.1.0:test (default-cli) on project"
                                + " a: There are test failures.\n\nSee "
                                + ReactorFixture.BASE.resolve("a/target/surefire-reports")
                                + " for the individual test results.",
                        "Failed to execute goal io.cloudist:cloudist-maven-plugin:0.1.0:test (default-cli) on project"
                                + " c: There are test failures.\n\nSee "
                                + ReactorFixture.BASE.resolve("c/target/surefire-reports")
                                + " for the individual test results.");
        assertThat(reactor.result.getExceptions())
                .allSatisfy(e -> assertThat(e.getCause()).isInstanceOf(MojoFailureException.class));
        assertThat(request.getExecutionListener()).isNotInstanceOf(ReactorListener.class);
    }

    @Test
    void aModuleThatAlreadyFailedKeepsItsFailureAndGainsTheTestsError() throws Exception {
        reactor.summaries.put("com.acme:a", new Summary(3, 1, 0, 0, 0));
        ReactorRun run = install(reactor.view(REACTOR_FAIL_AT_END), reactor);
        BuildFailure packaging = new BuildFailure(reactor.a, 10, new Exception("jar failed"));
        run.collect(reactor.module(reactor.a, log));
        reactor.result.addBuildSummary(packaging);

        request.getExecutionListener().sessionEnded(event(null));

        assertThat(reactor.result.getBuildSummary(reactor.a)).isSameAs(packaging);
        assertThat(reactor.result.getExceptions()).singleElement().isInstanceOf(LifecycleExecutionException.class);
    }

    @Test
    void testFailureIgnoreLogsAModulesFailuresAsAnErrorAndLetsItPass() throws Exception {
        reactor.summaries.put("com.acme:a", new Summary(3, 1, 0, 0, 0));
        RecordingLog aLog = new RecordingLog();
        ReactorRun run = install(reactor.view(), reactor);
        run.account(reactor.root, log);
        run.collect(reactor.module(reactor.a, aLog, true));
        run.account(reactor.b, log);
        run.account(reactor.c, log);

        request.getExecutionListener().sessionEnded(event(null));

        assertThat(aLog.lines)
                .contains("ERROR There are test failures.\n\nSee "
                        + ReactorFixture.BASE.resolve("a/target/surefire-reports")
                        + " for the individual test results.");
        assertThat(reactor.result.getExceptions()).isEmpty();
    }

    @Test
    void theEndOfALastProjectWithoutCloudistRunsTheCollectedModulesThere() throws Exception {
        ReactorRun run = install(reactor.view(), reactor);
        run.account(reactor.root, log);
        run.collect(reactor.module(reactor.a, log));
        run.collect(reactor.module(reactor.b, log));
        assertThat(reactor.runs).isEmpty();

        reactor.result.addBuildSummary(new BuildSuccess(reactor.c, 10));
        request.getExecutionListener().projectSucceeded(event(reactor.c));

        assertThat(mavenEvents).containsExactly("projectSucceeded c");
        assertThat(reactor.runs)
                .singleElement()
                .satisfies(r -> assertThat(r.modules()).hasSize(2));
    }

    @Test
    void theSessionsEndRunsWhatWasCollectedWhenAProjectNeverReported() throws Exception {
        ReactorRun run = install(reactor.view(REACTOR_FAIL_AT_END), reactor);
        run.collect(reactor.module(reactor.a, log));

        request.getExecutionListener().sessionEnded(event(null));

        assertThat(reactor.runs)
                .singleElement()
                .satisfies(r -> assertThat(r.modules()).hasSize(1));
        assertThat(mavenEvents).containsExactly("sessionEnded, failures: 0");
    }

    @Test
    void underFailFastAFailedBuildRunsNoTestsAndWarnsNamingTheModules() throws Exception {
        ReactorRun run = install(reactor.view(), reactor);
        run.collect(reactor.module(reactor.a, log));
        reactor.result.addBuildSummary(new BuildFailure(reactor.b, 10, new Exception("compilation failure")));

        request.getExecutionListener().sessionEnded(event(null));

        assertThat(reactor.runs).isEmpty();
        assertThat(log.lines)
                .contains("WARN cloudist: the tests of a were not run: the build already failed in b, and"
                        + " --fail-fast (Maven's default) stops a build at its first failure; -fae runs them.");
    }

    @Test
    void whenTheListenerWasReplacedTheGoalThatRanThrowsNamingEveryFailingModule() throws Exception {
        reactor.summaries.put("com.acme:a", new Summary(3, 1, 0, 0, 0));
        reactor.summaries.put("com.acme:b", new Summary(3, 1, 0, 0, 0));
        ReactorRun run = install(reactor.view(), reactor);
        run.account(reactor.root, log);
        run.collect(reactor.module(reactor.a, log));
        run.collect(reactor.module(reactor.b, log));
        request.setExecutionListener(new AbstractExecutionListener());

        assertThatThrownBy(() -> run.account(reactor.c, log))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("The tests of 2 modules failed:")
                .hasMessageContaining("a: There are test failures.\n\nSee "
                        + ReactorFixture.BASE.resolve("a/target/surefire-reports"))
                .hasMessageContaining("b: There are test failures.\n\nSee "
                        + ReactorFixture.BASE.resolve("b/target/surefire-reports"));
    }

    @Test
    void aRunThatFailsAsAWholeFailsTheLeadAndNamesTheModulesWhoseTestsDidNotRun() throws Exception {
        ReactorRun run = install(reactor.view(), (r, lead) -> {
            throw new CloudistException("The store s3://bucket is unreachable");
        });
        run.account(reactor.root, log);
        run.collect(reactor.module(reactor.a, log));
        run.account(reactor.b, log);
        run.collect(reactor.module(reactor.c, log));

        request.getExecutionListener().sessionEnded(event(null));

        assertThat(log.lines)
                .contains("WARN cloudist: the tests of a did not run: the reactor's run failed, and its error is"
                        + " reported on c.");
        assertThat(reactor.result.getBuildSummary(reactor.c)).isInstanceOf(BuildFailure.class);
        assertThat(reactor.result.getExceptions())
                .singleElement()
                .extracting(Throwable::getMessage)
                .asString()
                .endsWith("on project c: The store s3://bucket is unreachable");
    }

    @Test
    void theWrapperPassesEveryEventOnToTheListenerItWraps() throws Exception {
        List<String> delivered = new ArrayList<>();
        ExecutionListener recording = (ExecutionListener) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ExecutionListener.class}, (proxy, method, args) -> {
                    delivered.add(method.getName());
                    return null;
                });
        request.setExecutionListener(recording);
        install(reactor.view(), reactor);
        ExecutionListener wrapper = request.getExecutionListener();

        List<String> all = new ArrayList<>();
        for (Method method : ExecutionListener.class.getMethods()) {
            method.invoke(wrapper, event(reactor.a));
            all.add(method.getName());
        }

        assertThat(delivered).containsExactlyInAnyOrderElementsOf(all);
    }

    private ReactorRun install(ReactorView view, ReactorRun.Runner runner) {
        ReactorRun run = new ReactorRun(view, request, runner, log);
        ReactorListener.install(request, run);
        return run;
    }

    private static ExecutionEvent event(MavenProject project) {
        return (ExecutionEvent) Proxy.newProxyInstance(
                ReactorRunTest.class.getClassLoader(),
                new Class<?>[] {ExecutionEvent.class},
                (proxy, method, args) -> method.getName().equals("getProject") ? project : null);
    }
}
