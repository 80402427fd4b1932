package io.cloudist.aws.ec2;

import io.cloudist.aws.client.AwsErrors;
import io.cloudist.aws.client.AwsNames;
import io.cloudist.core.ConfigurationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ArchitectureType;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.UsageClassType;

/** Reads instance types and current spot prices from EC2, as {@link InstanceChooser} takes them. */
public final class InstanceCatalog {
    private static final String LINUX = "Linux/UNIX";

    private final Ec2Client ec2;

    public InstanceCatalog(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    /**
     * The instance types the needs may use: the allow-listed ones, or every current-generation type.
     *
     * @throws ConfigurationException when the allow-list names a type the region does not offer
     */
    public List<InstanceSpec> types(WorkerNeeds needs) {
        DescribeInstanceTypesRequest.Builder request = DescribeInstanceTypesRequest.builder();
        if (needs.instanceTypes().isEmpty()) {
            request.filters(
                    Filter.builder().name("current-generation").values("true").build());
        } else if (needs.exactAllowList()) {
            request.instanceTypesWithStrings(needs.instanceTypes());
        } else {
            request.filters(Filter.builder()
                    .name("instance-type")
                    .values(needs.instanceTypes())
                    .build());
        }
        List<InstanceSpec> types = new ArrayList<>();
        try {
            ec2.describeInstanceTypesPaginator(request.build()).instanceTypes().forEach(info -> {
                String architecture = architecture(info);
                if (!architecture.isEmpty()) {
                    types.add(spec(info, architecture));
                }
            });
        } catch (SdkException e) {
            if (AwsErrors.code(e).startsWith("InvalidInstanceType")) {
                throw new ConfigurationException(
                        AwsNames.INSTANCE_TYPES_PROPERTY,
                        String.join(",", needs.instanceTypes()),
                        "name instance types this region offers (aws ec2 describe-instance-types); EC2 said: "
                                + e.getMessage());
            }
            throw AwsErrors.translate("ec2:DescribeInstanceTypes", e);
        }
        return types;
    }

    /** The current Linux spot prices of {@code instanceTypes} in every zone of the region. */
    public List<SpotPrice> spotPrices(Collection<String> instanceTypes, Instant now) {
        if (instanceTypes.isEmpty()) {
            return List.of();
        }
        List<SpotPrice> prices = new ArrayList<>();
        AwsErrors.call("ec2:DescribeSpotPriceHistory", () -> {
            ec2.describeSpotPriceHistoryPaginator(r -> r.instanceTypesWithStrings(instanceTypes)
                            .productDescriptions(LINUX)
                            .startTime(now))
                    .spotPriceHistory()
                    .forEach(p -> {
                        if (p.productDescriptionAsString().startsWith(LINUX)) {
                            prices.add(new SpotPrice(
                                    p.instanceTypeAsString(),
                                    p.availabilityZone(),
                                    Double.parseDouble(p.spotPrice()),
                                    p.timestamp() == null ? Instant.EPOCH : p.timestamp()));
                        }
                    });
            return prices;
        });
        return prices;
    }

    static InstanceSpec spec(InstanceTypeInfo info, String architecture) {
        return new InstanceSpec(
                info.instanceTypeAsString(),
                info.vCpuInfo() == null ? 0 : info.vCpuInfo().defaultVCpus(),
                info.memoryInfo() == null ? 0 : info.memoryInfo().sizeInMiB(),
                architecture,
                Boolean.TRUE.equals(info.currentGeneration()),
                Boolean.TRUE.equals(info.burstablePerformanceSupported()),
                info.supportedUsageClasses().contains(UsageClassType.SPOT),
                info.supportedUsageClasses().contains(UsageClassType.ON_DEMAND));
    }

    /** {@code arm64} or {@code x86_64}, or "" for types cloudist cannot boot (Mac, 32-bit only). */
    static String architecture(InstanceTypeInfo info) {
        if (info.processorInfo() == null || info.instanceTypeAsString().startsWith("mac")) {
            return "";
        }
        List<ArchitectureType> architectures = info.processorInfo().supportedArchitectures();
        if (architectures.contains(ArchitectureType.ARM64)) {
            return "arm64";
        }
        return architectures.contains(ArchitectureType.X86_64) ? "x86_64" : "";
    }
}
