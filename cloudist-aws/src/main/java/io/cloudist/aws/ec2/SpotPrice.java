package io.cloudist.aws.ec2;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the spot price history (Linux/UNIX).
 *
 * @param instanceType e.g. {@code c7g.xlarge}
 * @param availabilityZone e.g. {@code eu-west-1a}
 * @param pricePerHour USD per instance-hour
 * @param timestamp when the price took effect
 */
public record SpotPrice(String instanceType, String availabilityZone, double pricePerHour, Instant timestamp) {
    public SpotPrice {
        Objects.requireNonNull(instanceType, "instanceType");
        Objects.requireNonNull(availabilityZone, "availabilityZone");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
