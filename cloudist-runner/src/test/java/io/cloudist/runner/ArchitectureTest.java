package io.cloudist.runner;

import static io.cloudist.testing.ArchitectureRules.mainClasses;
import static io.cloudist.testing.ArchitectureRules.noDependencyOn;
import static io.cloudist.testing.ArchitectureRules.noPackageCycles;
import static io.cloudist.testing.ArchitectureRules.systemStreamsOnlyIn;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The architecture rules of the runner's main classes; see docs/architecture.md. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = mainClasses("io.cloudist.runner");

    @Test
    void packagesDependOnEachOtherWithoutACycle() {
        noPackageCycles("io.cloudist.runner").check(CLASSES);
    }

    @Test
    void theRunnerKnowsNothingOfCloudist() {
        noDependencyOn("io.cloudist.core..", "io.cloudist.worker..", "org.slf4j..")
                .check(CLASSES);
    }

    /**
     * The runner's output capture replaces the streams ({@code OutputCapture}) and {@code serve} keeps the real
     * {@code System.err} for its own log before it does ({@code ServeMode.run}); {@code main} prints the usage.
     */
    @Test
    void onlyMainAndTheOutputCaptureUseSystemOutAndErr() {
        systemStreamsOnlyIn("io.cloudist.runner.OutputCapture", "io.cloudist.runner.ServeMode.run")
                .check(CLASSES);
    }
}
