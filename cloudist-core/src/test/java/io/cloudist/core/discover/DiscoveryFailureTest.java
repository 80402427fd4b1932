package io.cloudist.core.discover;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.CloudistException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DiscoveryFailureTest {
    private static final String TRACE = """
            org.junit.platform.commons.JUnitException: TestEngine with ID 'junit-vintage' failed to discover tests
            \tat org.junit.platform.launcher.core.EngineDiscoveryOrchestrator.discoverEngineRoot(EngineDiscoveryOrchestrator.java:208)
            \tat io.cloudist.runner.RunnerMain.main(RunnerMain.java:21)
            Caused by: org.junit.platform.commons.JUnitException: Unsupported version of junit:junit: 3.8.2. Please upgrade to version 4.12 or later.
            \tat org.junit.vintage.engine.JUnit4VersionCheck.checkSupported(JUnit4VersionCheck.java:49)
            \t... 14 more
            """;

    @Test
    void namesTheEngineAndTheRootCauseInOneParagraphAndKeepsTheTraceAsTheCause() {
        CloudistException failure = DiscoveryFailure.of(
                "org.junit.platform.commons.JUnitException: TestEngine with ID 'junit-vintage' failed to discover tests",
                TRACE,
                Path.of("target/cloudist/discovery/discover.log"));

        assertThat(failure.getMessage())
                .startsWith(
                        "Test discovery failed in the JUnit Vintage engine (junit-vintage): Unsupported version of"
                                + " junit:junit: 3.8.2. Please upgrade to version 4.12 or later. The engines and JUnit versions")
                .contains("mvn dependency:tree", "-X", "target/cloudist/discovery/discover.log")
                .doesNotContain("\tat ", "\n");
        assertThat(failure.getCause().getMessage()).contains("JUnit4VersionCheck.checkSupported");
    }

    @Test
    void withoutAnEngineOrCauseItNamesTheExceptionsMessage() {
        assertThat(DiscoveryFailure.of(
                                "java.lang.NoClassDefFoundError: org/opentest4j/TestAbortedException",
                                "java.lang.NoClassDefFoundError: org/opentest4j/TestAbortedException\n\tat x.Y.z(Y.java:1)\n",
                                Path.of("d.log"))
                        .getMessage())
                .startsWith("Test discovery failed: org/opentest4j/TestAbortedException. The engines");
    }
}
