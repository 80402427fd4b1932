package io.cloudist.maven;

import static io.cloudist.core.CloudistParameters.ADDITIONAL_CLASSPATH_ELEMENTS;
import static io.cloudist.core.CloudistParameters.ARG_LINE;
import static io.cloudist.core.CloudistParameters.CLASSPATH_DEPENDENCY_EXCLUDES;
import static io.cloudist.core.CloudistParameters.ENVIRONMENT_VARIABLES;
import static io.cloudist.core.CloudistParameters.JVM;
import static io.cloudist.core.CloudistParameters.SYSTEM_PROPERTY_VARIABLES;
import static io.cloudist.core.CloudistParameters.WORKING_DIRECTORY;
import static io.cloudist.core.CloudistProperties.ENABLE_ASSERTIONS;

import io.cloudist.core.CloudistException;
import io.cloudist.core.ConfigurationException;
import io.cloudist.core.jvm.TestJvmSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
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
        String jvm = sources.string(JVM).trim();
        Path java = jvm.isEmpty() ? layout.javaHome().resolve("bin").resolve("java") : layout.resolve(jvm);
        String argLine = LateReplacement.replace(sources.string(ARG_LINE), input.lateProperties());
        Map<String, String> systemProperties = new LinkedHashMap<>(systemPropertiesFile(sources, layout));
        systemProperties.putAll(sources.map(SYSTEM_PROPERTY_VARIABLES));
        if (RunRequestMapper.surefireFlag(sources, "promoteUserPropertiesToSystemProperties", "", true)) {
            systemProperties.putAll(sources.userProperties());
        }
        String workingDirectory = sources.string(WORKING_DIRECTORY).trim();
        List<String> dependencyExcludes = new ArrayList<>(sources.list(CLASSPATH_DEPENDENCY_EXCLUDES));
        junit.replaced().ifPresent(dependencyExcludes::add);
        List<Path> classpath = TestClasspath.of(
                layout,
                classesDirectory(sources, layout, input.testClasspathElements()),
                input.projectArtifacts(),
                dependencyExcludes,
                sources.list(ADDITIONAL_CLASSPATH_ELEMENTS),
                missingJUnitArtifacts(input, junit));
        return new TestJvmSpec(
                java,
                argLine,
                systemProperties,
                sources.map(ENVIRONMENT_VARIABLES),
                workingDirectory.isEmpty() ? layout.basedir() : layout.resolve(workingDirectory),
                classpath,
                ConfigurationParameters.of(sources, junit.provider()),
                sources.flag("enableAssertions", ENABLE_ASSERTIONS, true),
                sources.surefireValue("excludedEnvironmentVariables", "surefire.excludedEnvironmentVariables")
                        .map(CloudMapping::commaSeparated)
                        .orElse(List.of()));
    }

    /** Surefire's {@code systemPropertiesFile}: properties under those of {@code systemPropertyVariables}. */
    private static Map<String, String> systemPropertiesFile(ParameterSources sources, ProjectLayout layout) {
        Optional<String> file = sources.surefireValue("systemPropertiesFile", "surefire.systemPropertiesFile")
                .filter(f -> !f.isBlank());
        if (file.isEmpty()) {
            return Map.of();
        }
        Path path = layout.resolve(file.get());
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(path)) {
            properties.load(in);
        } catch (IOException e) {
            throw new ConfigurationException(
                    "surefire.systemPropertiesFile",
                    file.get(),
                    "name a readable properties" + " file (" + path + ": " + e.getMessage() + ")");
        }
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(n -> map.put(n, properties.getProperty(n)));
        return map;
    }

    /** The test classpath with Surefire's {@code classesDirectory} in place of the module's output directory. */
    private static List<String> classesDirectory(
            ParameterSources sources, ProjectLayout layout, List<String> elements) {
        Optional<String> classes = sources.surefireValue("classesDirectory", "").filter(c -> !c.isBlank());
        if (classes.isEmpty()) {
            return elements;
        }
        Path output = layout.outputDirectory().toAbsolutePath().normalize();
        return elements.stream()
                .map(e -> layout.resolve(e).equals(output)
                        ? layout.resolve(classes.get()).toString()
                        : e)
                .toList();
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
            throw new CloudistException(
                    e.getMessage() + ". They are needed to run the tests on the JUnit Platform:"
                            + " add them to the project's test dependencies.",
                    e);
        }
    }
}
