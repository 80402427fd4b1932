package io.cloudist.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.core.CloudistException;
import io.cloudist.core.jvm.JvmStarts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class AgentThreadsTest {
    private static final long WAIT_MILLIS = 30_000;

    @TempDir
    Path dir;

    @Test
    void anAgentRunsOnADaemonThreadOfItsOwnWithTheWorkersArgumentsItsLogAndTheStartSlots() throws Exception {
        JvmStarts slots = new JvmStarts(3);
        AgentThreads.AgentThread worker = start(slots, "w0", "--worker", "w0", "return");

        worker.awaitEnd(WAIT_MILLIS);

        assertThat(Files.readAllLines(worker.log()))
                .contains(
                        "args --worker w0 return",
                        "thread cloudist-worker-w0 daemon=true",
                        "took and gave back a start slot");
        assertThat(slots.free()).isEqualTo(3);
        assertThat(worker.describe()).contains("w0", worker.log().toString());
    }

    @Test
    void theAgentsClassesComeFromTheWorkerClasspathAloneInOneLoaderForEveryAgent() throws Exception {
        AgentThreads threads = threads(new JvmStarts(2));
        AgentThreads.AgentThread first = (AgentThreads.AgentThread) threads.start("w0", List.of("return"), log("w0"));
        AgentThreads.AgentThread second = (AgentThreads.AgentThread) threads.start("w1", List.of("return"), log("w1"));
        first.awaitEnd(WAIT_MILLIS);
        second.awaitEnd(WAIT_MILLIS);

        List<String> seen = Files.readAllLines(first.log());
        assertThat(seen).contains("sees the starter's classes false", "context true");
        String loader =
                seen.stream().filter(l -> l.startsWith("loader ")).findFirst().orElseThrow();
        assertThat(loader).startsWith("loader cloudist-worker ");
        assertThat(Files.readAllLines(second.log())).contains(loader);
    }

    @Test
    void theHandleIsAliveUntilTheAgentsThreadEndsHoweverItEnds() throws Exception {
        AgentThreads.AgentThread waiting = start(new JvmStarts(2), "w0");
        AgentThreads.AgentThread failing = start(new JvmStarts(2), "w1", "fail");

        failing.awaitEnd(WAIT_MILLIS);
        assertThat(failing.isAlive()).isFalse();
        assertThat(waiting.isAlive()).isTrue();

        waiting.terminate();
        waiting.awaitEnd(WAIT_MILLIS);
        assertThat(waiting.isAlive()).isFalse();
        assertThat(Files.readAllLines(waiting.log())).contains("closed");
    }

    @Test
    void warmingUpRunsTheAgentClassesWarmUpInTheirOwnLoader() throws Exception {
        System.clearProperty(AgentThreadFixture.WARMED);

        threads(new JvmStarts(2)).warmUp();

        while (System.getProperty(AgentThreadFixture.WARMED) == null) {
            Thread.sleep(10);
        }
        assertThat(System.getProperty(AgentThreadFixture.WARMED)).isEqualTo("cloudist-worker");
        System.clearProperty(AgentThreadFixture.WARMED);
    }

    @Test
    void anAgentThatCannotBeLoadedGivesAnErrorThatOffersWorkerProcesses() throws Exception {
        AgentThreads threads = new AgentThreads(List.of(fixtureJar()), new JvmStarts(2), "io.cloudist.NoSuchAgent");

        assertThatThrownBy(() -> threads.start("w0", List.of(), log("w0")))
                .isInstanceOf(CloudistException.class)
                .hasMessageContaining("Cannot start local worker w0")
                .hasMessageContaining("-Dcloudist.localWorkers=process");
    }

    private AgentThreads.AgentThread start(JvmStarts slots, String id, String... args) throws IOException {
        return (AgentThreads.AgentThread) threads(slots).start(id, List.of(args), log(id));
    }

    private AgentThreads threads(JvmStarts slots) throws IOException {
        return new AgentThreads(List.of(fixtureJar()), slots, AgentThreadFixture.class.getName());
    }

    private Path log(String id) {
        return dir.resolve(id + ".log");
    }

    /** The fixture alone in a jar: whatever else the agent sees comes from the JDK. */
    private Path fixtureJar() throws IOException {
        Path jar = dir.resolve("agent.jar");
        if (Files.exists(jar)) {
            return jar;
        }
        String entry = AgentThreadFixture.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                InputStream in = AgentThreadFixture.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
