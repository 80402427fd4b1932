package io.cloudist.maven;

import static io.cloudist.core.CloudistParameters.BACKEND;
import static io.cloudist.core.CloudistParameters.DELETE_RUN_DATA;
import static io.cloudist.core.CloudistParameters.FIX;
import static io.cloudist.core.CloudistProperties.DEFAULT_ADMIN_BACKEND;
import static io.cloudist.core.CloudistProperties.DEFAULT_BACKEND;

import io.cloudist.core.CloudistProperties.Goal;
import io.cloudist.core.ConfigurationException;
import io.cloudist.core.cloud.CloudSettings;
import java.util.Objects;

/**
 * What {@code cloudist:setup} or {@code cloudist:cleanup} acts on, mapped from their parameters. No Maven types.
 *
 * @param settings the backend, region and profile
 * @param store the store location, "" for the backend's default
 * @param deleteRunData cleanup deletes run documents too
 * @param fix setup repairs what it finds weaker than it would make it
 */
record AdminRequest(CloudSettings settings, String store, boolean deleteRunData, boolean fix) {
    AdminRequest {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(store, "store");
    }

    /**
     * @param goal {@link Goal#SETUP} or {@link Goal#CLEANUP}
     * @throws ConfigurationException when a parameter has an unusable value, or names the local backend
     */
    static AdminRequest map(Goal goal, ParameterSources sources) {
        String backend = CloudMapping.backend(sources, DEFAULT_ADMIN_BACKEND);
        if (backend.equals(DEFAULT_BACKEND)) {
            throw new ConfigurationException(
                    BACKEND,
                    backend,
                    "cloudist:" + goal.goalName()
                            + " works on a cloud backend and the local one needs none: use " + DEFAULT_ADMIN_BACKEND
                            + ", or leave it unset");
        }
        CloudSettings settings = CloudMapping.account(sources, backend);
        boolean deleteRunData = goal == Goal.CLEANUP && sources.flag(DELETE_RUN_DATA);
        boolean fix = goal == Goal.SETUP && sources.flag(FIX);
        return new AdminRequest(settings, CloudMapping.cloudStore(sources, backend), deleteRunData, fix);
    }
}
