package io.cloudist.aws.ec2;

import io.cloudist.aws.client.AwsNames;
import io.cloudist.core.ConfigurationException;
import io.cloudist.core.cloud.CloudSettings;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one worker needs and what the user allows.
 *
 * @param cpuPerWorker vCPUs per worker
 * @param memoryPerWorkerGib GiB per worker
 * @param instanceTypes allowed types (exact names or globs such as {@code c7g.*}), empty for any current type
 * @param maxPricePerHour the most to pay per instance-hour, 0 for no limit
 * @param architectures allowed architectures, empty for any
 */
public record WorkerNeeds(
        int cpuPerWorker,
        double memoryPerWorkerGib,
        List<String> instanceTypes,
        double maxPricePerHour,
        Set<String> architectures) {
    public WorkerNeeds {
        if (cpuPerWorker < 1) {
            throw new ConfigurationException(
                    AwsNames.CPU_PER_WORKER_PROPERTY, String.valueOf(cpuPerWorker), "give at least 1 vCPU per worker");
        }
        if (!(memoryPerWorkerGib > 0)) {
            throw new ConfigurationException(
                    AwsNames.MEMORY_PER_WORKER_PROPERTY,
                    String.valueOf(memoryPerWorkerGib),
                    "give the GiB of memory each worker needs, e.g. 2");
        }
        if (maxPricePerHour < 0) {
            throw new ConfigurationException(
                    AwsNames.MAX_PRICE_PROPERTY,
                    String.valueOf(maxPricePerHour),
                    "give a price in USD per instance-hour, or 0 for no limit");
        }
        instanceTypes = instanceTypes.stream()
                .map(String::trim)
                .filter(t -> !t.isEmpty())
                .toList();
        architectures = Set.copyOf(architectures);
    }

    /** The needs of {@code settings}, for instances of any of {@code architectures} (empty: any). */
    public static WorkerNeeds of(CloudSettings settings, Set<String> architectures) {
        return new WorkerNeeds(
                settings.cpuPerWorker(),
                settings.memoryPerWorkerGib(),
                settings.instanceTypes(),
                settings.maxPricePerHour(),
                architectures);
    }

    /** True when the user named {@code type} (or a glob matching it) in the allow-list. */
    public boolean allowListed(String type) {
        return instanceTypes.stream().anyMatch(pattern -> matches(pattern, type));
    }

    /** True when the allow-list names only exact types (no globs). */
    public boolean exactAllowList() {
        return instanceTypes.stream().noneMatch(t -> t.contains("*") || t.contains("?"));
    }

    private static boolean matches(String pattern, String type) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return type.matches(regex.toString());
    }
}
