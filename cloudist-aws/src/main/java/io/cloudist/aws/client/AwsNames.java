package io.cloudist.aws.client;

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

    /** Days after which the bucket's lifecycle rule expires run data. */
    public static final int RUN_DATA_DAYS = 7;

    public static final String REGION_PROPERTY = "cloudist.region";
    public static final String PROFILE_PROPERTY = "cloudist.profile";
    public static final String INSTANCE_TYPES_PROPERTY = "cloudist.instanceTypes";
    public static final String MAX_PRICE_PROPERTY = "cloudist.maxPricePerHour";
    public static final String ON_DEMAND_FALLBACK_PROPERTY = "cloudist.onDemandFallback";
    public static final String AMI_PROPERTY = "cloudist.ami";
    public static final String CPU_PER_WORKER_PROPERTY = "cloudist.cpuPerWorker";
    public static final String MEMORY_PER_WORKER_PROPERTY = "cloudist.memoryPerWorker";

    /** The store setup uses when none is given: a bucket of the account in the region. */
    public static S3Location defaultStore(String accountId, String region) {
        return new S3Location("cloudist-" + accountId + "-" + region, "");
    }
}
