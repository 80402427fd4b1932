package io.cloudist.core;

import static io.cloudist.testing.ArchitectureRules.mainClasses;
import static io.cloudist.testing.ArchitectureRules.noDependencyOn;
import static io.cloudist.testing.ArchitectureRules.noPackageCycles;
import static io.cloudist.testing.ArchitectureRules.systemStreamsOnlyIn;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The architecture rules of cloudist-core's main classes; see docs/architecture.md. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = mainClasses("io.cloudist.core");

    @Test
    void packagesDependOnEachOtherWithoutACycle() {
        noPackageCycles("io.cloudist.core").check(CLASSES);
    }

    @Test
    void coreKnowsNoMavenNoJUnitAndNoAws() {
        noDependencyOn("org.apache.maven..", "org.junit..", "software.amazon..").check(CLASSES);
    }

    @Test
    void onlyMainMethodsUseSystemOutAndErr() {
        systemStreamsOnlyIn().check(CLASSES);
    }
}
