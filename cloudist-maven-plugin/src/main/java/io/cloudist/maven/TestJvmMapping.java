package io.cloudist.maven;

import static io.cloudist.core.CloudistProperties.ARG_LINE;
import static io.cloudist.core.CloudistProperties.ENABLE_ASSERTIONS;
import static io.cloudist.core.CloudistProperties.JVM;

import io.cloudist.core.CloudistException;
import io.cloudist.core.jvm.TestJvmSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Maps Surefire's fork parameters to a {@link TestJvmSpec}. */
final class TestJvmMapping {
    private TestJvmMapping() {}

    /**
     * The test JVM: {@code jvm} (else the build's java), {@code argLine} with {@code @{...}} replaced, system
     * properties ({@code systemPropertyVariables}, then the user properties, as Surefire passes them),
     * {@code environmentVariables}, {@code workingDirectory} (else the module directory) and the test classpath.
     */
    static TestJvmSpec spec(ParameterSources sources, MappingInput input, JUnitPlatformArtifacts.Setup junit) {
        ProjectLayout layout = input.layout();
        String jvm = sources.string("jvm", JVM, "").trim();
        Path java = jvm.isEmpty() ? layout.javaHome().resolve("bin").resolve("java") : layout.resolve(jvm);
        String argLine = LateReplacement.replace(sources.string("argLine", ARG_LINE, ""), input.lateProperties());
        Map<String, String> systemProperties = new LinkedHashMap<>(sources.map("systemPropertyVariables"));
        systemProperties.putAll(sources.userProperties());
        String workingDirectory = sources.string("workingDirectory", null, "").trim();
        List<String> dependencyExcludes = new ArrayList<>(sources.list("classpathDependencyExcludes"));
        junit.replaced().ifPresent(dependencyExcludes::add);
        List<Path> classpath = TestClasspath.of(
                layout,
                input.testClasspathElements(),
                input.projectArtifacts(),
                dependencyExcludes,
                sources.list("additionalClasspathElements"),
                missingJUnitArtifacts(input, junit));
        return new TestJvmSpec(
                java,
                argLine,
                systemProperties,
                sources.map("environmentVariables"),
                workingDirectory.isEmpty() ? layout.basedir() : layout.resolve(workingDirectory),
                classpath,
                ConfigurationParameters.of(sources, junit.provider()),
                sources.flag("enableAssertions", ENABLE_ASSERTIONS, true));
    }

    private static List<ArtifactFile> missingJUnitArtifacts(MappingInput input, JUnitPlatformArtifacts.Setup junit) {
        List<String> coordinates = junit.missing();
        if (coordinates.isEmpty()) {
            return List.of();
        }
        Set<String> present =
                input.projectArtifacts().stream().map(ArtifactFile::key).collect(Collectors.toSet());
        junit.replaced().ifPresent(present::remove);
        try {
            return input.resolver().resolve(coordinates).stream()
                    .filter(artifact -> present.add(artifact.key()))
                    .toList();
        } catch (CloudistException e) {
            throw new CloudistException(e.getMessage() + ". They are needed to run the tests on the JUnit Platform:"
                    + " add them to the project's test dependencies.", e);
        }
    }
}
