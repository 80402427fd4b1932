package io.cloudist.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.CloudistException;
import io.cloudist.core.CloudistParameters;
import io.cloudist.core.CloudistProperties;
import io.cloudist.core.CloudistProperties.Parameter;
import io.cloudist.core.ConfigurationException;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorMessagesTest {
    @Test
    void configurationErrorNamesElementPropertyValueAndFix() {
        String message = ErrorMessages.message(new ConfigurationException(
                CloudistProperties.WORKERS, "many", "set it to a whole number of 1 or more"));

        assertThat(message)
                .isEqualTo("Invalid value 'many' for <workers> (-Dcloudist.workers): set it to a whole number of 1 or"
                        + " more.");
    }

    @Test
    void aNegativeRerunCountNamesSurefiresElementAndProperty() {
        String message = ErrorMessages.message(new ConfigurationException(
                CloudistProperties.RERUN_FAILING_TESTS_COUNT, "-1", "set it to a whole number of 0 or more"));

        assertThat(message)
                .isEqualTo("Invalid value '-1' for <rerunFailingTestsCount> (-Dsurefire.rerunFailingTestsCount): set"
                        + " it to a whole number of 0 or more.");
    }

    @Test
    void surefireParameterIsFoundByItsElementName() {
        String message = ErrorMessages.message(new ConfigurationException("excludes", "!Foo", "write it without '!'"));

        assertThat(message).startsWith("Invalid value '!Foo' for <excludes>:");
    }

    @Test
    void propertyOnlyParameterIsNamedByItsProperty() {
        String message =
                ErrorMessages.message(new ConfigurationException("maven.test.skip", "yes", "use true or false"));

        assertThat(message).isEqualTo("Invalid value 'yes' for -Dmaven.test.skip: use true or false.");
    }

    @Test
    void aSurefireParameterIsNamedByItsElementAndProperty() {
        String message = ErrorMessages.message(new ConfigurationException("includesFile", "x", "fix it"));
        String byProperty = ErrorMessages.message(new ConfigurationException("surefire.runOrder", "sideways", "fix"));

        assertThat(message).startsWith("Invalid value 'x' for <includesFile> (-Dsurefire.includesFile):");
        assertThat(byProperty).startsWith("Invalid value 'sideways' for <runOrder> (-Dsurefire.runOrder):");
    }

    @Test
    void anUnknownParameterIsNamedAsAnElement() {
        assertThat(ErrorMessages.message(new ConfigurationException("somethingElse", "x", "fix it")))
                .startsWith("Invalid value 'x' for <somethingElse>:");
    }

    @Test
    void otherCloudistExceptionsKeepTheirMessage() {
        MojoExecutionException e = ErrorMessages.toMojoException(
                new CloudistException("worker could not start"), new RecordingLog(), false);

        assertThat(e).hasMessage("worker could not start");
    }

    @Test
    void causeStaysOutOfTheMavenErrorAndGoesToTheDebugLog() {
        RecordingLog log = new RecordingLog();
        IllegalStateException sdkError = new IllegalStateException("Unable to load credentials from any provider");

        MojoExecutionException e = ErrorMessages.toMojoException(
                new CloudistException("No AWS credentials found: run aws configure", sdkError), log, false);

        assertThat(e).hasMessage("No AWS credentials found: run aws configure").hasNoCause();
        assertThat(log.lines).singleElement().asString().startsWith("DEBUG cloudist failed: ");
    }

    @Test
    void withShowErrorsTheCauseGoesWithTheMavenErrorSoThatMavenPrintsIt() {
        IllegalStateException engineError = new IllegalStateException("JUnit Vintage requires JUnit 4.12 or later");
        CloudistException failure = new CloudistException("Test discovery failed in junit-vintage: ...", engineError);

        MojoExecutionException e = ErrorMessages.toMojoException(failure, new RecordingLog(), true);

        assertThat(e).hasMessage("Test discovery failed in junit-vintage: ...").hasCause(failure);
        assertThat(e).hasRootCause(engineError);
    }

    @Test
    void configurationExceptionBecomesAMojoExecutionExceptionWithTheTeachingMessage() {
        MojoExecutionException e = ErrorMessages.toMojoException(
                new ConfigurationException(CloudistProperties.GROUPS, "(a", "balance the parentheses"),
                new RecordingLog(),
                false);

        assertThat(e).hasMessage("Invalid value '(a' for <groups> (-Dgroups): balance the parentheses.");
        assertThat(e).hasNoCause();
    }

    @Test
    void cloudParametersAreNamedByElementAndProperty() {
        String message = ErrorMessages.message(new ConfigurationException(
                CloudistProperties.MEMORY_PER_WORKER, "lots", "set it to a number above 0, e.g. 1.5"));

        assertThat(message)
                .isEqualTo("Invalid value 'lots' for <memoryPerWorker> (-Dcloudist.memoryPerWorker): set it to a"
                        + " number above 0, e.g. 1.5.");
    }

    /** The cloud backend checks its vocabulary when it opens; its errors read as the plugin's own. */
    @ParameterizedTest(name = "-D{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            cloudist.region                 | Europe       | such as eu-west-1 or us-east-1
            cloudist.instanceTypes          | large        | e.g. m7i.large,c7i.xlarge
            cloudist.ami                    | amzn2        | such as ami-0123456789abcdef0
            """)
    void aCloudBackendsErrorNamesElementPropertyValueAndWhatIsAccepted(String property, String value, String accepted) {
        Parameter parameter = CloudistParameters.ALL.stream()
                .filter(p -> property.equals(p.property()))
                .findFirst()
                .orElseThrow();

        String message = ErrorMessages.message(new ConfigurationException(property, value, "use one " + accepted));

        assertThat(message)
                .startsWith("Invalid value '" + value + "' for ")
                .contains(accepted)
                .contains("-D" + property);
        assertThat(message).contains("<" + parameter.element() + "> (-D" + property + "): ");
    }
}
