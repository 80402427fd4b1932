package io.cloudist.aws.ec2;

import java.util.Objects;

/**
 * An instance type cloudist may launch, where, at what price, and how many workers one instance holds.
 *
 * @param type the instance type
 * @param availabilityZone where the spot price holds; "" to let EC2 choose (on-demand)
 * @param pricePerHour USD per instance-hour; 0 when unknown (on-demand)
 * @param slots workers per instance, at least 1
 * @param spot spot or on-demand
 */
public record Candidate(InstanceSpec type, String availabilityZone, double pricePerHour, int slots, boolean spot) {
    public Candidate {
        Objects.requireNonNull(type, "type");
        availabilityZone = Objects.requireNonNullElse(availabilityZone, "");
        if (slots < 1) {
            throw new IllegalArgumentException("A candidate holds at least one worker: " + type.name());
        }
    }

    public double pricePerSlot() {
        return pricePerHour / slots;
    }

    /** Instances needed for {@code workers} workers. */
    public int instancesFor(int workers) {
        return (workers + slots - 1) / slots;
    }

    /** USD per hour of the instances needed for {@code workers} workers. */
    public double costFor(int workers) {
        return instancesFor(workers) * pricePerHour;
    }

    /** Slots left unused when {@code workers} workers run on {@link #instancesFor} instances. */
    public int idleSlotsFor(int workers) {
        return instancesFor(workers) * slots - workers;
    }

    /** E.g. {@code c7g.xlarge spot in eu-west-1a}. */
    public String describe() {
        return type.name()
                + (spot ? " spot" : " on-demand")
                + (availabilityZone.isEmpty() ? "" : " in " + availabilityZone);
    }
}
