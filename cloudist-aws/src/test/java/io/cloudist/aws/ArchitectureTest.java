package io.cloudist.aws;

import static io.cloudist.testing.ArchitectureRules.mainClasses;
import static io.cloudist.testing.ArchitectureRules.noDependencyOn;
import static io.cloudist.testing.ArchitectureRules.noPackageCycles;
import static io.cloudist.testing.ArchitectureRules.systemStreamsOnlyIn;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The architecture rules of cloudist-aws's main classes; see docs/architecture.md. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = mainClasses("io.cloudist.aws");

    @Test
    void packagesDependOnEachOtherWithoutACycle() {
        noPackageCycles("io.cloudist.aws").check(CLASSES);
    }

    @Test
    void awsKnowsNoMavenAndNoJUnit() {
        noDependencyOn("org.apache.maven..", "org.junit..").check(CLASSES);
    }

    @Test
    void onlyMainMethodsUseSystemOutAndErr() {
        systemStreamsOnlyIn().check(CLASSES);
    }
}
