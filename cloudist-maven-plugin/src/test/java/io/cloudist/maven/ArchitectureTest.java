package io.cloudist.maven;

import static io.cloudist.testing.ArchitectureRules.mainClasses;
import static io.cloudist.testing.ArchitectureRules.noDependencyOn;
import static io.cloudist.testing.ArchitectureRules.noPackageCycles;
import static io.cloudist.testing.ArchitectureRules.systemStreamsOnlyIn;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The architecture rules of the plugin's main classes; see docs/architecture.md. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = mainClasses("io.cloudist.maven");

    @Test
    void packagesDependOnEachOtherWithoutACycle() {
        noPackageCycles("io.cloudist.maven").check(CLASSES);
    }

    @Test
    void thePluginKnowsNoAwsSdkAndNoJUnit() {
        noDependencyOn("software.amazon..", "org.junit..").check(CLASSES);
    }

    /**
     * A goal is the plugin's entry point: the two that run tests hand what tests print to Maven's own streams, as
     * Surefire does.
     */
    @Test
    void onlyTheGoalsEntryPointsUseSystemOutAndErr() {
        systemStreamsOnlyIn("io.cloudist.maven.AbstractTestMojo.run", "io.cloudist.maven.CloudAdminMojo.run")
                .check(CLASSES);
    }
}
