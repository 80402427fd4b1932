package io.cloudist.aws.ec2;

import java.util.Objects;

/**
 * What every launch of a provisioner shares, found once when it opens.
 *
 * @param region the region instances run in
 * @param securityGroupId the workers' security group (made by setup)
 * @param owner the ARN of the caller, for the {@code cloudist:owner} tag
 * @param account the caller's account, which owns the store's bucket
 * @param s3Endpoint an S3 endpoint that replaces AWS's, "" for none
 * @param ecrEndpoint an ECR API endpoint that replaces AWS's, "" for none
 */
record LaunchContext(
        String region, String securityGroupId, String owner, String account, String s3Endpoint, String ecrEndpoint) {
    LaunchContext(String region, String securityGroupId, String owner, String account, String s3Endpoint) {
        this(region, securityGroupId, owner, account, s3Endpoint, "");
    }

    LaunchContext {
        ecrEndpoint = Objects.requireNonNullElse(ecrEndpoint, "");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(securityGroupId, "securityGroupId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(account, "account");
        s3Endpoint = Objects.requireNonNullElse(s3Endpoint, "");
    }
}
