package io.cloudist.worker;

import static io.cloudist.testing.ArchitectureRules.mainClasses;
import static io.cloudist.testing.ArchitectureRules.noDependencyOn;
import static io.cloudist.testing.ArchitectureRules.noPackageCycles;
import static io.cloudist.testing.ArchitectureRules.systemStreamsOnlyIn;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The architecture rules of cloudist-worker's main classes; see docs/architecture.md. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = mainClasses("io.cloudist.worker");

    @Test
    void packagesDependOnEachOtherWithoutACycle() {
        noPackageCycles("io.cloudist.worker").check(CLASSES);
    }

    @Test
    void theWorkerKnowsNoMaven() {
        noDependencyOn("org.apache.maven..").check(CLASSES);
    }

    /** And the worker's log, which writes to standard error unless its agent runs on a thread of another JVM. */
    @Test
    void onlyMainMethodsAndTheLogUseSystemOutAndErr() {
        systemStreamsOnlyIn("io.cloudist.worker.log.WorkerLogs.standardError").check(CLASSES);
    }
}
