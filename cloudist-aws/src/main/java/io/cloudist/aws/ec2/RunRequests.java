package io.cloudist.aws.ec2;

import io.cloudist.aws.client.AwsNames;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.InstanceInterruptionBehavior;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataEndpointState;
import software.amazon.awssdk.services.ec2.model.MarketType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.ShutdownBehavior;
import software.amazon.awssdk.services.ec2.model.SpotInstanceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * The RunInstances request of worker instances: spot one-time (terminated on interruption, capped at
 * {@code maxPricePerHour} when set, else at the on-demand price) or on-demand, terminated
 * when they power off, IMDSv2 only with a hop limit of 1, an encrypted root volume (with the account's default EBS
 * key), the workers' instance profile and security group, and the cloudist tags on instance and volumes.
 */
final class RunRequests {
    private RunRequests() {}

    static RunInstancesRequest of(
            Candidate candidate,
            int count,
            UserData boot,
            String image,
            RootVolume root,
            String runId,
            LaunchContext context,
            double maxPricePerHour) {
        RunInstancesRequest.Builder request = RunInstancesRequest.builder()
                .imageId(image)
                .blockDeviceMappings(b -> b.deviceName(root.device())
                        .ebs(e -> e.encrypted(true).deleteOnTermination(true).volumeSize(root.sizeGib())))
                .instanceType(candidate.type().name())
                .minCount(1)
                .maxCount(count)
                .userData(boot.base64())
                .iamInstanceProfile(p -> p.name(AwsNames.INSTANCE_PROFILE))
                .securityGroupIds(context.securityGroupId())
                .instanceInitiatedShutdownBehavior(ShutdownBehavior.TERMINATE)
                .metadataOptions(m -> m.httpTokens(HttpTokensState.REQUIRED)
                        .httpEndpoint(InstanceMetadataEndpointState.ENABLED)
                        .httpPutResponseHopLimit(1))
                .tagSpecifications(
                        tags(ResourceType.INSTANCE, runId, context), tags(ResourceType.VOLUME, runId, context))
                .clientToken(UUID.randomUUID().toString());
        if (!candidate.availabilityZone().isEmpty()) {
            request.placement(p -> p.availabilityZone(candidate.availabilityZone()));
        }
        if (candidate.spot()) {
            request.instanceMarketOptions(o -> o.marketType(MarketType.SPOT).spotOptions(s -> {
                s.spotInstanceType(SpotInstanceType.ONE_TIME)
                        .instanceInterruptionBehavior(InstanceInterruptionBehavior.TERMINATE);
                if (maxPricePerHour > 0) {
                    s.maxPrice(String.format(Locale.US, "%.5f", maxPricePerHour));
                }
            }));
        }
        return request.build();
    }

    /** The cloudist tags. */
    static List<Tag> tags(String runId, String owner) {
        return List.of(
                tag(AwsNames.TAG, "true"),
                tag(AwsNames.TAG_RUN, runId),
                tag(AwsNames.TAG_OWNER, owner),
                tag("Name", AwsNames.INSTANCE_NAME));
    }

    private static TagSpecification tags(ResourceType type, String runId, LaunchContext context) {
        return TagSpecification.builder()
                .resourceType(type)
                .tags(tags(runId, context.owner()))
                .build();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
