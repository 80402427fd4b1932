package io.cloudist.aws.ec2;

import io.cloudist.aws.client.AwsNames;
import io.cloudist.core.CloudistProperties;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The RunInstances errors after which another instance type (or on-demand) may succeed, and what was tried, so
 * that the final error says which setting would help.
 */
final class LaunchFailures {
    private static final Set<String> CAPACITY = Set.of(
            "InsufficientInstanceCapacity",
            "InsufficientCapacity",
            "InsufficientHostCapacity",
            "InsufficientFreeAddressesInSubnet",
            "SpotMaxPriceTooLow",
            "Unsupported",
            "UnsupportedOperation",
            "UnfulfillableCapacity");
    private static final Set<String> QUOTA =
            Set.of("MaxSpotInstanceCountExceeded", "InstanceLimitExceeded", "VcpuLimitExceeded");

    private final List<String> tried = new ArrayList<>();
    private final Set<String> codes = new LinkedHashSet<>();

    /** Whether another type or market may succeed where {@code code} failed. */
    static boolean retryable(String code) {
        return CAPACITY.contains(code) || QUOTA.contains(code);
    }

    void add(Candidate candidate, String code) {
        tried.add(candidate.describe() + ": " + code);
        codes.add(code);
    }

    boolean isEmpty() {
        return tried.isEmpty();
    }

    /** One line per attempt. */
    List<String> tried() {
        return List.copyOf(tried);
    }

    /** The settings that would help, as advice. */
    String advice(boolean onDemandFallback) {
        List<String> advice = new ArrayList<>();
        if (codes.stream().anyMatch(CAPACITY::contains)) {
            advice.add("allow more instance types with -D" + AwsNames.INSTANCE_TYPES_PROPERTY
                    + " (or leave it empty for any)");
        }
        if (codes.contains("SpotMaxPriceTooLow")) {
            advice.add("raise -D" + AwsNames.MAX_PRICE_PROPERTY);
        }
        if (codes.stream().anyMatch(QUOTA::contains)) {
            advice.add("ask AWS for a higher EC2 vCPU quota (Service Quotas) or start fewer workers with -D"
                    + CloudistProperties.WORKERS);
        }
        if (!onDemandFallback) {
            advice.add("allow on-demand instances with -D" + AwsNames.ON_DEMAND_FALLBACK_PROPERTY + "=true");
        }
        return String.join("; ", advice);
    }
}
