package io.cloudist.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudist.core.CloudistProperties;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** setup and cleanup, from parameters through core to {@link FakeCloudAdmin} and back to Maven's log and errors. */
class CloudAdminMojoTest {
    final RecordingLog log = new RecordingLog();
    final Map<String, String> user = new HashMap<>();

    @BeforeEach
    void forgetCalls() {
        FakeCloudAdmin.CALLS.clear();
    }

    @Test
    void setupPassesTheSettingsToTheBackendAndLogsWhatItSays() throws MojoExecutionException {
        user.put(CloudistProperties.REGION, "eu-west-1");
        user.put(CloudistProperties.PROFILE, "ops");

        run(new SetupMojo());

        assertThat(FakeCloudAdmin.CALLS).singleElement().satisfies(call -> {
            assertThat(call.goal()).isEqualTo("setup");
            assertThat(call.settings().backend()).isEqualTo("ec2");
            assertThat(call.settings().region()).isEqualTo("eu-west-1");
            assertThat(call.settings().profile()).isEqualTo("ops");
            assertThat(call.store()).isEmpty();
            assertThat(call.fix()).isFalse();
        });
        assertThat(log.lines).containsExactly("INFO setup done in eu-west-1");
    }

    @Test
    void setupPassesFixOn() throws MojoExecutionException {
        user.put(CloudistProperties.FIX, "true");

        run(new SetupMojo());

        assertThat(FakeCloudAdmin.CALLS)
                .singleElement()
                .satisfies(call -> assertThat(call.fix()).isTrue());
    }

    @Test
    void cleanupPassesStoreAndDeleteRunData() throws MojoExecutionException {
        user.put(CloudistProperties.STORE, "s3://builds/ci");
        user.put(CloudistProperties.DELETE_RUN_DATA, "true");

        run(new CleanupMojo());

        assertThat(FakeCloudAdmin.CALLS).singleElement().satisfies(call -> {
            assertThat(call.goal()).isEqualTo("cleanup");
            assertThat(call.store()).isEqualTo("s3://builds/ci");
            assertThat(call.deleteRunData()).isTrue();
        });
    }

    @Test
    void cloudFailureStopsTheBuildWithItsMessageAndNoCause() {
        user.put(CloudistProperties.REGION, FakeCloudAdmin.FAILING_REGION);

        MojoExecutionException error = failure(new SetupMojo());

        assertThat(error)
                .hasMessage("AWS denied s3:CreateBucket: grant s3:CreateBucket to the IAM user or role that runs"
                        + " cloudist")
                .hasNoCause();
        assertThat(log.lines).anySatisfy(line -> assertThat(line).startsWith("DEBUG cloudist failed"));
    }

    @Test
    void configurationErrorOfTheBackendNamesElementAndProperty() {
        user.put(CloudistProperties.REGION, FakeCloudAdmin.MISCONFIGURED_REGION);

        MojoExecutionException error = failure(new CleanupMojo());

        assertThat(error).hasMessage("Invalid value '' for <store> (-Dcloudist.store): run mvn cloudist:setup first.");
    }

    @Test
    void localBackendIsRefusedBeforeAnyBackendIsCalled() {
        user.put(CloudistProperties.BACKEND, "local");

        MojoExecutionException error = failure(new SetupMojo());

        assertThat(error.getMessage())
                .startsWith("Invalid value 'local' for <backend> (-Dcloudist.backend): cloudist:setup works on a"
                        + " cloud backend");
        assertThat(FakeCloudAdmin.CALLS).isEmpty();
    }

    private MojoExecutionException failure(CloudAdminMojo mojo) {
        MojoExecutionException error = catchThrowableOfType(MojoExecutionException.class, () -> run(mojo));
        assertThat(error).as("the goal's failure").isNotNull();
        return error;
    }

    private void run(CloudAdminMojo mojo) throws MojoExecutionException {
        mojo.setLog(log);
        mojo.run(new ParameterSources(user, Map.of(), Map.of(), Map.of()));
    }
}
