package io.cloudist.aws.setup;

import io.cloudist.aws.client.AwsErrors;
import io.cloudist.aws.client.AwsNames;
import io.cloudist.core.CloudistException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.Vpc;

/** Finds and creates the workers' security group ({@link AwsNames#SECURITY_GROUP}) in the default VPC. */
public final class SecurityGroups {
    private SecurityGroups() {}

    /** The id of the region's default VPC. */
    public static String defaultVpc(Ec2Client ec2, String region) {
        List<Vpc> vpcs = AwsErrors.call(
                        "ec2:DescribeVpcs",
                        () -> ec2.describeVpcs(r -> r.filters(filter("isDefault", "true"))))
                .vpcs();
        if (vpcs.isEmpty()) {
            throw new CloudistException("Region " + region + " has no default VPC, where cloudist runs its workers:"
                    + " create one with `aws ec2 create-default-vpc --region " + region + "`");
        }
        return vpcs.get(0).vpcId();
    }

    /** The id of the workers' security group in {@code vpcId}, if setup created it. */
    public static Optional<String> find(Ec2Client ec2, String vpcId) {
        List<SecurityGroup> groups = AwsErrors.call(
                        "ec2:DescribeSecurityGroups",
                        () -> ec2.describeSecurityGroups(r -> r.filters(
                                filter("group-name", AwsNames.SECURITY_GROUP), filter("vpc-id", vpcId))))
                .securityGroups();
        return groups.stream().map(SecurityGroup::groupId).findFirst();
    }

    /** Creates the workers' security group in {@code vpcId}: no inbound rules, AWS's default outbound rule. */
    static String create(Ec2Client ec2, String vpcId) {
        return AwsErrors.call(
                        "ec2:CreateSecurityGroup",
                        () -> ec2.createSecurityGroup(r -> r.groupName(AwsNames.SECURITY_GROUP)
                                .description("cloudist workers: no inbound access")
                                .vpcId(vpcId)
                                .tagSpecifications(TagSpecification.builder()
                                        .resourceType(ResourceType.SECURITY_GROUP)
                                        .tags(Tag.builder().key(AwsNames.TAG).value("true").build())
                                        .build())))
                .groupId();
    }

    static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }
}
