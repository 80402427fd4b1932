package io.cloudist.aws.client;

import io.cloudist.core.CloudistException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * Where workers' instances go: the region's default VPC and, in it, the workers' security group
 * ({@link AwsNames#SECURITY_GROUP}). Looks them up only; {@code cloudist:setup} creates the group.
 */
public final class WorkerNetwork {
    private WorkerNetwork() {}

    /** The id of the region's default VPC. */
    public static String defaultVpc(Ec2Client ec2, String region) {
        List<Vpc> vpcs = AwsErrors.call(
                        "ec2:DescribeVpcs", () -> ec2.describeVpcs(r -> r.filters(filter("isDefault", "true"))))
                .vpcs();
        if (vpcs.isEmpty()) {
            throw new CloudistException("Region " + region + " has no default VPC, where cloudist runs its workers:"
                    + " create one with `aws ec2 create-default-vpc --region " + region + "`");
        }
        return vpcs.get(0).vpcId();
    }

    /** The id of the workers' security group in {@code vpcId}, if setup created it. */
    public static Optional<String> securityGroup(Ec2Client ec2, String vpcId) {
        List<SecurityGroup> groups = AwsErrors.call(
                        "ec2:DescribeSecurityGroups",
                        () -> ec2.describeSecurityGroups(
                                r -> r.filters(filter("group-name", AwsNames.SECURITY_GROUP), filter("vpc-id", vpcId))))
                .securityGroups();
        return groups.stream().map(SecurityGroup::groupId).findFirst();
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }
}
