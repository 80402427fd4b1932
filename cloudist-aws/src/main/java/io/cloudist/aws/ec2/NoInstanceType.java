package io.cloudist.aws.ec2;

import io.cloudist.aws.client.AwsNames;
import io.cloudist.core.CloudistException;
import io.cloudist.core.ConfigurationException;
import java.util.List;
import java.util.Locale;

/** The errors of a launch for which no instance type qualifies, each naming the setting that would help. */
final class NoInstanceType {
    private NoInstanceType() {}

    /** No type holds even one worker. */
    static ConfigurationException noFit(WorkerNeeds needs) {
        String worker =
                String.format(Locale.US, "%d vCPU and %s GiB", needs.cpuPerWorker(), trim(needs.memoryPerWorkerGib()));
        String architecture = needs.architectures().isEmpty() ? "" : " " + String.join("/", needs.architectures());
        if (!needs.instanceTypes().isEmpty()) {
            return new ConfigurationException(
                    AwsNames.INSTANCE_TYPES_PROPERTY,
                    String.join(",", needs.instanceTypes()),
                    "none of these" + architecture + " types holds one worker of " + worker + ": allow larger types,"
                            + " or lower -D" + AwsNames.CPU_PER_WORKER_PROPERTY + " or -D"
                            + AwsNames.MEMORY_PER_WORKER_PROPERTY);
        }
        return new ConfigurationException(
                AwsNames.MEMORY_PER_WORKER_PROPERTY,
                trim(needs.memoryPerWorkerGib()),
                "no current" + architecture + " instance type holds one worker of " + worker + ": lower -D"
                        + AwsNames.CPU_PER_WORKER_PROPERTY + " or -D" + AwsNames.MEMORY_PER_WORKER_PROPERTY);
    }

    /** Types fit, but none has a spot price within the cap, and on-demand is not allowed. */
    static CloudistException noSpot(
            List<InstanceSpec> types, List<SpotPrice> prices, WorkerNeeds needs, String region) {
        if (needs.maxPricePerHour() > 0) {
            WorkerNeeds uncapped = new WorkerNeeds(
                    needs.cpuPerWorker(), needs.memoryPerWorkerGib(), needs.instanceTypes(), 0, needs.architectures());
            List<Candidate> any = InstanceChooser.spot(types, prices, uncapped, 1);
            if (!any.isEmpty()) {
                Candidate cheapest = any.stream()
                        .min((a, b) -> Double.compare(a.pricePerHour(), b.pricePerHour()))
                        .orElseThrow();
                return new ConfigurationException(
                        AwsNames.MAX_PRICE_PROPERTY,
                        trim(needs.maxPricePerHour()),
                        String.format(
                                Locale.US,
                                "the cheapest spot instance that fits costs $%.4f/h (%s): raise the limit, or allow"
                                        + " on-demand with -D%s=true",
                                cheapest.pricePerHour(),
                                cheapest.describe(),
                                AwsNames.ON_DEMAND_FALLBACK_PROPERTY));
            }
        }
        return new CloudistException("No spot price found in " + region + " for the instance types that fit"
                + (needs.instanceTypes().isEmpty() ? "" : " (" + String.join(",", needs.instanceTypes()) + ")")
                + ": allow other types with -D" + AwsNames.INSTANCE_TYPES_PROPERTY + ", or on-demand with -D"
                + AwsNames.ON_DEMAND_FALLBACK_PROPERTY + "=true");
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
