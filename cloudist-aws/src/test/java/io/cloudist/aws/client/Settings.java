package io.cloudist.aws.client;

import io.cloudist.core.cloud.CloudSettings;
import java.util.List;

/** Cloud settings for tests in {@link MotoExtension#REGION}. */
public final class Settings {
    private Settings() {}

    public static CloudSettings ec2() {
        return ec2(List.of(), 0, false);
    }

    public static CloudSettings ec2(List<String> instanceTypes, double maxPricePerHour, boolean onDemandFallback) {
        return new CloudSettings(
                "ec2",
                MotoExtension.REGION,
                "",
                2,
                2,
                instanceTypes,
                maxPricePerHour,
                onDemandFallback,
                "",
                10,
                12,
                17);
    }
}
