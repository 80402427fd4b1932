package io.cloudist.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import org.apache.maven.execution.AbstractExecutionListener;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;
import org.apache.maven.execution.MavenSession;
import org.junit.jupiter.api.Test;

class ReactorRunsTest {
    final ReactorFixture reactor = new ReactorFixture();
    final RecordingLog log = new RecordingLog();

    @Test
    void theClonesOfASessionShareOneRunAndTheFirstWrapsMavensListenerOnce() {
        MavenSession session = session();
        ExecutionListener maven = session.getRequest().getExecutionListener();

        ReactorRun run = ReactorRuns.of(session, log);
        ExecutionListener wrapper = session.getRequest().getExecutionListener();

        assertThat(ReactorRuns.of(session.clone(), log)).isSameAs(run);
        assertThat(wrapper).isInstanceOf(ReactorListener.class);
        assertThat(session.getRequest().getExecutionListener()).isSameAs(wrapper);
        assertThat(ReactorListener.delivers(session.getRequest(), run)).isTrue();

        wrapper.sessionEnded(event(session));

        assertThat(session.getRequest().getExecutionListener()).isSameAs(maven);
        assertThat(ReactorRuns.of(session, log)).isNotSameAs(run);
    }

    @Test
    void anotherSessionHasARunOfItsOwn() {
        assertThat(ReactorRuns.of(session(), log)).isNotSameAs(ReactorRuns.of(session(), log));
    }

    @SuppressWarnings("deprecation")
    private MavenSession session() {
        DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setExecutionListener(new AbstractExecutionListener());
        MavenSession session = new MavenSession(null, null, request, reactor.result);
        session.setProjects(reactor.projects);
        return session;
    }

    private static ExecutionEvent event(MavenSession session) {
        return (ExecutionEvent) Proxy.newProxyInstance(
                ReactorRunsTest.class.getClassLoader(),
                new Class<?>[] {ExecutionEvent.class},
                (proxy, method, args) -> method.getName().equals("getSession") ? session : null);
    }
}
