package io.cloudist.core.cloud;

import io.cloudist.core.CloudistProperties;
import java.util.List;
import java.util.Objects;

/**
 * Where and on what cloud workers run, as the user configured it. Only the EC2 backend reads most of these.
 *
 * @param backend {@code local} or {@code ec2}
 * @param region the AWS region, "" for the SDK's default chain
 * @param profile the AWS profile, "" for the SDK's default chain
 * @param cpuPerWorker vCPUs each worker needs
 * @param memoryPerWorkerGib GiB of memory each worker needs
 * @param instanceTypes allowed instance types, empty for any
 * @param maxPricePerHour the most to pay per instance-hour in USD, 0 for no limit
 * @param onDemandFallback launch on-demand instances when no spot capacity is found
 * @param ami the image to boot, "" for the current Amazon Linux 2023 of the chosen architecture
 * @param idleMinutes how long workers stay warm after a run before their instance shuts down
 * @param maxInstanceHours how long an instance lives at most, whatever its agents do
 * @param javaFeatureVersion the Java feature version test JVMs need (the build's), e.g. 17
 * @param image how workers get their runtime: an image from the account's registry, or installed at boot
 */
public record CloudSettings(
        String backend,
        String region,
        String profile,
        int cpuPerWorker,
        double memoryPerWorkerGib,
        List<String> instanceTypes,
        double maxPricePerHour,
        boolean onDemandFallback,
        String ami,
        int idleMinutes,
        int maxInstanceHours,
        int javaFeatureVersion,
        ImageSettings image) {
    public CloudSettings {
        image = Objects.requireNonNullElse(image, ImageSettings.defaults());
        backend = Objects.requireNonNullElse(backend, "local");
        region = Objects.requireNonNullElse(region, "");
        profile = Objects.requireNonNullElse(profile, "");
        instanceTypes = List.copyOf(instanceTypes);
        ami = Objects.requireNonNullElse(ami, "");
        if (maxInstanceHours < 1) {
            throw new IllegalArgumentException("maxInstanceHours must be 1 or more: " + maxInstanceHours);
        }
    }

    /** Settings whose image settings are the defaults. */
    public CloudSettings(
            String backend,
            String region,
            String profile,
            int cpuPerWorker,
            double memoryPerWorkerGib,
            List<String> instanceTypes,
            double maxPricePerHour,
            boolean onDemandFallback,
            String ami,
            int idleMinutes,
            int maxInstanceHours,
            int javaFeatureVersion) {
        this(
                backend,
                region,
                profile,
                cpuPerWorker,
                memoryPerWorkerGib,
                instanceTypes,
                maxPricePerHour,
                onDemandFallback,
                ami,
                idleMinutes,
                maxInstanceHours,
                javaFeatureVersion,
                ImageSettings.defaults());
    }

    /** These settings with {@code image} for their image settings. */
    public CloudSettings withImage(ImageSettings image) {
        return new CloudSettings(
                backend,
                region,
                profile,
                cpuPerWorker,
                memoryPerWorkerGib,
                instanceTypes,
                maxPricePerHour,
                onDemandFallback,
                ami,
                idleMinutes,
                maxInstanceHours,
                javaFeatureVersion,
                image);
    }

    /** The settings of a local run. */
    public static CloudSettings local() {
        return new CloudSettings(
                "local",
                "",
                "",
                1,
                1,
                List.of(),
                0,
                false,
                "",
                0,
                Integer.parseInt(CloudistProperties.DEFAULT_MAX_INSTANCE_HOURS),
                Runtime.version().feature());
    }

    public boolean isLocal() {
        return backend.equals("local");
    }
}
