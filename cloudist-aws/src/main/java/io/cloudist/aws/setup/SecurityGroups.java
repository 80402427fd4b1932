package io.cloudist.aws.setup;

import io.cloudist.aws.client.AwsErrors;
import io.cloudist.aws.client.AwsNames;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * Creates the workers' security group ({@link AwsNames#SECURITY_GROUP}) in the default VPC, where
 * {@link io.cloudist.aws.client.WorkerNetwork} finds it.
 */
final class SecurityGroups {
    private SecurityGroups() {}

    /** Creates the workers' security group in {@code vpcId}: no inbound rules, AWS's default outbound rule. */
    static String create(Ec2Client ec2, String vpcId) {
        return AwsErrors.call(
                        "ec2:CreateSecurityGroup",
                        () -> ec2.createSecurityGroup(r -> r.groupName(AwsNames.SECURITY_GROUP)
                                .description("cloudist workers: no inbound access")
                                .vpcId(vpcId)
                                .tagSpecifications(TagSpecification.builder()
                                        .resourceType(ResourceType.SECURITY_GROUP)
                                        .tags(Tag.builder()
                                                .key(AwsNames.TAG)
                                                .value("true")
                                                .build())
                                        .build())))
                .groupId();
    }

    static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }
}
