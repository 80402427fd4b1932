package io.cloudist.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudist.core.CloudistProperties;
import io.cloudist.core.CloudistProperties.Goal;
import io.cloudist.core.ConfigurationException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminRequestTest {
    final Map<String, String> user = new HashMap<>();
    final Map<String, Object> cloudist = new HashMap<>();

    @Test
    void backendDefaultsToEc2AndStoreToTheBackendsDefault() {
        AdminRequest request = map(Goal.SETUP);

        assertThat(request.settings().backend()).isEqualTo("ec2");
        assertThat(request.store()).isEmpty();
        assertThat(request.deleteRunData()).isFalse();
    }

    @Test
    void regionProfileAndStoreArePassedOn() {
        user.put(CloudistProperties.REGION, "eu-west-1");
        cloudist.put("profile", "ops");
        cloudist.put("store", "s3://builds/cloudist");

        AdminRequest request = map(Goal.CLEANUP);

        assertThat(request.settings().region()).isEqualTo("eu-west-1");
        assertThat(request.settings().profile()).isEqualTo("ops");
        assertThat(request.store()).isEqualTo("s3://builds/cloudist");
    }

    @Test
    void onlyCleanupDeletesRunData() {
        user.put(CloudistProperties.DELETE_RUN_DATA, "true");

        assertThat(map(Goal.CLEANUP).deleteRunData()).isTrue();
        assertThat(map(Goal.SETUP).deleteRunData()).isFalse();
    }

    @Test
    void onlySetupFixes() {
        assertThat(map(Goal.SETUP).fix()).isFalse();
        user.put(CloudistProperties.FIX, "true");

        assertThat(map(Goal.SETUP).fix()).isTrue();
        assertThat(map(Goal.CLEANUP).fix()).isFalse();
    }

    @Test
    void badFixIsAnError() {
        user.put(CloudistProperties.FIX, "maybe");

        assertThat(error(Goal.SETUP).parameter()).isEqualTo(CloudistProperties.FIX);
    }

    @Test
    void localBackendIsAnErrorThatNamesTheGoalAndEc2() {
        user.put(CloudistProperties.BACKEND, "local");

        ConfigurationException error = error(Goal.CLEANUP);

        assertThat(error.parameter()).isEqualTo(CloudistProperties.BACKEND);
        assertThat(error.fix())
                .startsWith("cloudist:cleanup works on a cloud backend")
                .contains("use ec2");
    }

    @Test
    void localDirectoryStoreIsAnErrorForCloudWorkers() {
        user.put(CloudistProperties.STORE, "target/store");

        ConfigurationException error = error(Goal.SETUP);

        assertThat(error.parameter()).isEqualTo(CloudistProperties.STORE);
        assertThat(error.fix()).contains("s3://bucket/prefix");
    }

    @Test
    void badDeleteRunDataIsAnError() {
        user.put(CloudistProperties.DELETE_RUN_DATA, "please");

        assertThat(error(Goal.CLEANUP).parameter()).isEqualTo(CloudistProperties.DELETE_RUN_DATA);
    }

    private ConfigurationException error(Goal goal) {
        ConfigurationException error = catchThrowableOfType(ConfigurationException.class, () -> map(goal));
        assertThat(error).as("error for %s", user).isNotNull();
        return error;
    }

    private AdminRequest map(Goal goal) {
        return AdminRequest.map(goal, new ParameterSources(user, cloudist, Map.of(), Map.of()));
    }
}
