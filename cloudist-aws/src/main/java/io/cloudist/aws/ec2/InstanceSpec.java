package io.cloudist.aws.ec2;

import java.util.Objects;

/**
 * What cloudist needs to know of an EC2 instance type.
 *
 * @param name e.g. {@code c7g.xlarge}
 * @param vcpus default vCPUs
 * @param memoryMib memory in MiB
 * @param architecture {@code arm64} or {@code x86_64}
 * @param currentGeneration whether AWS lists it as current generation
 * @param burstable whether it runs on CPU credits (t2, t3, t4g …)
 * @param spot whether it can be launched as spot
 * @param onDemand whether it can be launched on demand
 */
public record InstanceSpec(
        String name,
        int vcpus,
        long memoryMib,
        String architecture,
        boolean currentGeneration,
        boolean burstable,
        boolean spot,
        boolean onDemand) {
    public InstanceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(architecture, "architecture");
    }

    public double memoryGib() {
        return memoryMib / 1024.0;
    }
}
