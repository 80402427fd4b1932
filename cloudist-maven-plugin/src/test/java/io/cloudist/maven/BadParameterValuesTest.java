package io.cloudist.maven;

import static io.cloudist.maven.JUnitPlatformArtifactsTest.artifact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudist.core.CloudistParameters;
import io.cloudist.core.CloudistProperties;
import io.cloudist.core.CloudistProperties.Parameter;
import io.cloudist.core.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every parameter with a closed set or a range of values refuses a bad one with a message that names the POM element,
 * the {@code -D} property, the bad value and the values it takes. The cloud backend's vocabulary (region, instance
 * types, AMI) is checked by the backend itself (cloudist-aws's {@code CloudSettingsCheckTest}); {@link ErrorMessagesTest}
 * shows its errors get the same message.
 */
class BadParameterValuesTest {
    @TempDir
    Path basedir;

    @ParameterizedTest(name = "-D{0}={1} on {2}")
    @CsvSource(delimiter = '|', textBlock = """
            cloudist.workers                | many         | local | a whole number of 1 or more
            cloudist.workers                | 0            | local | a whole number of 1 or more
            cloudist.granularity            | suite        | local | use class or method
            cloudist.tasksPerWorker         | -1           | local | a whole number of 1 or more
            cloudist.targetTaskSeconds      | -5           | local | 0 or more
            cloudist.targetTaskSeconds      | long         | local | 0 or more
            cloudist.reuseForks             | yes          | local | use true or false
            cloudist.testTimeout            | 5s           | local | a whole number of 0 or more
            cloudist.skip                   | 1            | local | use true or false
            cloudist.useSurefireConfig      | no           | local | use true or false
            skipTests                       | y            | local | use true or false
            maven.test.skip                 | yes          | local | use true or false
            maven.test.failure.ignore       | sometimes    | local | use true or false
            failIfNoTests                   | maybe        | local | use true or false
            surefire.failIfNoSpecifiedTests | maybe        | local | use true or false
            cloudist.backend                | mainframe    | local | use local or ec2
            cloudist.localWorkers           | fibers       | local | use thread or process
            cloudist.store                  | target/store | ec2   | use s3://bucket/prefix
            cloudist.store                  | s3:/bad      | local | write it as s3://bucket/prefix
            cloudist.store                  | s3:bucket    | local | write it as s3://bucket/prefix
            cloudist.store                  | s3://        | local | name a bucket of 3 to 63
            cloudist.store                  | http://x/y   | local | use a directory path, or s3://bucket/prefix
            cloudist.store                  | s3:/bad      | ec2   | write it as s3://bucket/prefix
            cloudist.cpuPerWorker           | half         | ec2   | a whole number of 1 or more
            cloudist.memoryPerWorker        | 0            | ec2   | a number above 0, e.g. 1.5
            cloudist.maxPricePerHour        | cheap        | ec2   | 0 or more, e.g. 0.25
            cloudist.onDemandFallback       | perhaps      | ec2   | use true or false
            cloudist.idleMinutes            | forever      | ec2   | a whole number of 0 or more
            """)
    void aBadValueNamesElementPropertyValueAndWhatIsAccepted(
            String property, String value, String backend, String accepted) throws IOException {
        Map<String, String> user = new HashMap<>(Map.of(CloudistProperties.BACKEND, backend));
        user.put(property, value);

        ConfigurationException error = catchThrowableOfType(ConfigurationException.class, () -> map(user));

        assertThat(error).as("-D%s=%s", property, value).isNotNull();
        Parameter parameter = CloudistParameters.ALL.stream()
                .filter(p -> property.equals(p.property()))
                .findFirst()
                .orElseThrow();
        String message = ErrorMessages.message(error);
        assertThat(message)
                .startsWith("Invalid value '" + value + "' for ")
                .contains(accepted)
                .contains("-D" + property);
        if (parameter.element() != null) {
            assertThat(message).contains("<" + parameter.element() + "> (-D" + property + "): ");
        }
    }

    private Mapping map(Map<String, String> user) throws IOException {
        ProjectLayout layout = new ProjectLayout(
                "com.acme",
                "shop",
                basedir,
                basedir.resolve("target"),
                Files.createDirectories(basedir.resolve("target/test-classes")),
                Path.of("/jdk"),
                2);
        return RunRequestMapper.map(new MappingInput(
                new ParameterSources(user, Map.of(), Map.of(), Map.of()),
                layout,
                List.of(layout.testOutputDirectory().toString()),
                List.of(
                        artifact("org.junit.jupiter", "junit-jupiter-engine", "5.14.1"),
                        artifact("org.junit.platform", "junit-platform-engine", "1.14.1")),
                user,
                List.of(
                        new ArtifactFile("io.cloudist", "cloudist-runner", "0.1", Path.of("/plugin/runner.jar")),
                        new ArtifactFile("io.cloudist", "cloudist-worker", "0.1", Path.of("/plugin/worker.jar"))),
                coordinates -> List.of(artifact("org.junit.platform", "junit-platform-launcher", "1.14.1"))));
    }
}
