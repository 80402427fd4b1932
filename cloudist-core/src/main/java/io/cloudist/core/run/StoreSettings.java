package io.cloudist.core.run;

import io.cloudist.core.CloudistProperties;
import io.cloudist.core.ConfigurationException;
import java.util.Objects;

/**
 * Which store a run uses and how long it rides out the store's outages.
 *
 * @param location the store location: empty for the backend's default (a local directory for local runs), a path,
 *     or a URI
 * @param outageSeconds how long the store may stay unreachable before the run stops (coordinator and workers)
 */
public record StoreSettings(String location, int outageSeconds) {
    /** The backend's default store, with the default outage budget. */
    public static final StoreSettings DEFAULT =
            new StoreSettings("", Integer.parseInt(CloudistProperties.DEFAULT_STORE_OUTAGE_SECONDS));

    public StoreSettings {
        location = Objects.requireNonNullElse(location, "");
        if (outageSeconds < 0) {
            throw new ConfigurationException(
                    CloudistProperties.STORE_OUTAGE_SECONDS,
                    String.valueOf(outageSeconds),
                    "set it to a whole number of seconds, 0 or more (0: stop at the first failure the store's own"
                            + " retries cannot mend)");
        }
    }
}
