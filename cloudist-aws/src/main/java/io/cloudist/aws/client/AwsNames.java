package io.cloudist.aws.client;

import io.cloudist.core.CloudistProperties;

/**
 * The names cloudist gives AWS resources and the {@code -D} properties of the EC2 backend's settings, in one place.
 * Setup creates the resources under these names; the provisioner and cleanup find them by them.
 */
public final class AwsNames {
    private AwsNames() {}

    /** The IAM role that worker instances assume. */
    public static final String ROLE = "cloudist-worker";

    /** The instance profile that carries {@link #ROLE}. */
    public static final String INSTANCE_PROFILE = "cloudist-worker";

    /** The start of each store's inline policy on the role ({@link WorkerPolicy#name}): that store's keys only. */
    public static final String POLICY_PREFIX = "cloudist-store-";

    /** The one inline policy of earlier versions, for the last store set up; setup replaces it. */
    public static final String LEGACY_POLICY = "cloudist-store";

    /** The security group of worker instances, in the default VPC, with no inbound rules. */
    public static final String SECURITY_GROUP = "cloudist-workers";

    /** Tag on every instance and volume cloudist launches; cleanup finds instances by it. */
    public static final String TAG = "cloudist";

    /** Tag naming the run an instance was launched for. */
    public static final String TAG_RUN = "cloudist:run";

    /** Tag naming who launched an instance (the caller's ARN). */
    public static final String TAG_OWNER = "cloudist:owner";

    /** The {@code Name} tag value of worker instances. */
    public static final String INSTANCE_NAME = "cloudist-worker";

    /** The ECR repository of worker images, one per account and region. */
    public static final String IMAGE_REPOSITORY = "cloudist";

    /** The start of each region's inline policy on the role that lets workers pull their images. */
    public static final String IMAGE_POLICY_PREFIX = "cloudist-images-";

    /** Days after which the bucket's lifecycle rule expires run data. */
    public static final int RUN_DATA_DAYS = 7;

    /** The {@code -D} properties of the EC2 backend's settings: those of {@link CloudistProperties}, by other names. */
    public static final String REGION_PROPERTY = CloudistProperties.REGION;

    public static final String PROFILE_PROPERTY = CloudistProperties.PROFILE;
    public static final String INSTANCE_TYPES_PROPERTY = CloudistProperties.INSTANCE_TYPES;
    public static final String MAX_PRICE_PROPERTY = CloudistProperties.MAX_PRICE_PER_HOUR;
    public static final String ON_DEMAND_FALLBACK_PROPERTY = CloudistProperties.ON_DEMAND_FALLBACK;
    public static final String AMI_PROPERTY = CloudistProperties.AMI;
    public static final String CPU_PER_WORKER_PROPERTY = CloudistProperties.CPU_PER_WORKER;
    public static final String MEMORY_PER_WORKER_PROPERTY = CloudistProperties.MEMORY_PER_WORKER;

    /** The store setup uses when none is given: a bucket of the account in the region. */
    public static S3Location defaultStore(String accountId, String region) {
        return new S3Location("cloudist-" + accountId + "-" + region, "");
    }
}
