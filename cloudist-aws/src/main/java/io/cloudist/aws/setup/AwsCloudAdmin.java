package io.cloudist.aws.setup;

import io.cloudist.aws.client.AwsClients;
import io.cloudist.aws.client.AwsNames;
import io.cloudist.aws.client.CloudSettingsCheck;
import io.cloudist.aws.client.EndpointOverrides;
import io.cloudist.aws.client.S3Location;
import io.cloudist.aws.client.WorkerNetwork;
import io.cloudist.aws.image.EcrRepository;
import io.cloudist.core.CloudistProperties;
import io.cloudist.core.RunListener;
import io.cloudist.core.cloud.CloudSettings;
import io.cloudist.core.provision.CloudAdmin;
import io.cloudist.core.report.ConsoleLine;
import java.util.List;
import java.util.Locale;

/**
 * {@code cloudist:setup} and {@code cloudist:cleanup} for the {@code ec2} backend. Setup is idempotent and says, for
 * each resource, whether it was created or found: the store's bucket (on a bucket it finds, whether its default
 * encryption and public access block are as setup would make them; with {@code fix} it repairs them), the bucket policy
 * statement that refuses requests without TLS, the run-data expiry rule, the worker role with the store's own inline
 * policy (other stores' policies stay), the instance profile, the workers' security group in the default VPC, and
 * the ECR repository of worker images. Cleanup deletes that repository only when asked to
 * ({@code -Dcloudist.deleteImages=true}): rebuilding its images costs the next run their upload.
 */
public final class AwsCloudAdmin implements CloudAdmin {
    /** The backend this admin serves. */
    public static final String BACKEND = "ec2";

    @Override
    public String backend() {
        return BACKEND;
    }

    @Override
    public void setup(CloudSettings settings, String store, RunListener listener) {
        setup(settings, store, false, listener);
    }

    @Override
    public void setup(CloudSettings settings, String store, boolean fix, RunListener listener) {
        try (AwsClients clients = new AwsClients(CloudSettingsCheck.check(settings))) {
            String region = clients.region();
            S3Location given = store == null || store.isBlank() ? null : S3Location.parse(store.trim());
            String account = clients.account();
            S3Location location = given != null ? given : AwsNames.defaultStore(account, region);
            BucketSetup bucket = new BucketSetup(clients.s3(), region, account);
            boolean created = bucket.ensureBucket(location);
            say(listener, "S3 bucket " + location.bucket(), created ? "created" : "found");
            if (!created) {
                BucketChecks checks = new BucketChecks(clients.s3(), location.bucket(), account, fix);
                say(listener, checks.encryption());
                say(listener, checks.publicAccessBlock());
            }
            say(listener, TransportPolicy.ensure(clients.s3(), location.bucket(), account, EndpointOverrides.s3()));
            say(listener, bucket.ensureLifecycle(location, fix));
            RoleSetup role = new RoleSetup(clients.iam());
            say(listener, "IAM role " + AwsNames.ROLE, role.ensureRole());
            role.replaceLegacyPolicy()
                    .ifPresent(earlier -> say(
                            listener,
                            "IAM policy " + AwsNames.LEGACY_POLICY + " of earlier versions (" + earlier + ")",
                            "replaced by " + WorkerPolicy.name(earlier)));
            say(
                    listener,
                    "IAM policy " + WorkerPolicy.name(location) + " (" + location + " only)",
                    role.ensurePolicy(location));
            say(
                    listener,
                    "IAM policy " + WorkerPolicy.imagesName(region) + " (pulls from ECR repository "
                            + AwsNames.IMAGE_REPOSITORY + " only)",
                    role.ensureImagePolicy(region, account));
            say(listener, "Instance profile " + AwsNames.INSTANCE_PROFILE, role.ensureInstanceProfile());
            String vpc = WorkerNetwork.defaultVpc(clients.ec2(), region);
            boolean found = WorkerNetwork.securityGroup(clients.ec2(), vpc).isPresent();
            if (!found) {
                SecurityGroups.create(clients.ec2(), vpc);
            }
            say(listener, "Security group " + AwsNames.SECURITY_GROUP + " in " + vpc, found ? "found" : "created");
            int days = settings.image().retentionDays();
            EcrRepository.Result images = new EcrRepository(clients.ecr(), EndpointOverrides.registry()).ensure(days);
            say(
                    listener,
                    "ECR repository " + AwsNames.IMAGE_REPOSITORY + " (scan on push, immutable tags, images expire "
                            + days + " days after their push)",
                    images.name().toLowerCase(Locale.ROOT));
            listener.line(ConsoleLine.info("cloudist is set up in " + region + ": run with -Dcloudist.backend="
                    + BACKEND + " -D" + CloudistProperties.STORE + "=" + location));
        }
    }

    @Override
    public void cleanup(CloudSettings settings, String store, boolean deleteRunData, RunListener listener) {
        try (AwsClients clients = new AwsClients(CloudSettingsCheck.check(settings))) {
            String region = clients.region();
            List<String> terminated = Cleanup.terminateInstances(clients.ec2());
            listener.line(ConsoleLine.info(
                    terminated.isEmpty()
                            ? "No cloudist instances to terminate in " + region
                            : "Terminated " + terminated.size() + " cloudist instance"
                                    + (terminated.size() == 1 ? "" : "s") + " in " + region + ": "
                                    + String.join(", ", terminated)));
            if (deleteRunData) {
                S3Location location = storeOf(clients, store, region);
                int deleted = Cleanup.deleteRunData(clients.s3(), location, clients.account());
                listener.line(ConsoleLine.info(
                        deleted < 0
                                ? "No bucket " + location.bucket() + ": no run data to delete"
                                : "Deleted " + deleted + " object" + (deleted == 1 ? "" : "s") + " under " + "s3://"
                                        + location.bucket() + "/" + location.runsPrefix()));
            }
            if (settings.image().deleteImages()) {
                boolean deleted = new EcrRepository(clients.ecr(), EndpointOverrides.registry()).delete();
                listener.line(ConsoleLine.info(
                        deleted
                                ? "Deleted the ECR repository " + AwsNames.IMAGE_REPOSITORY + " and its images in "
                                        + region
                                : "No ECR repository " + AwsNames.IMAGE_REPOSITORY + " to delete in " + region));
            }
        }
    }

    /** The store setup makes when none is given. */
    public static S3Location defaultStore(AwsClients clients, String region) {
        return storeOf(clients, "", region);
    }

    static S3Location storeOf(AwsClients clients, String store, String region) {
        if (store != null && !store.isBlank()) {
            return S3Location.parse(store.trim());
        }
        return AwsNames.defaultStore(clients.account(), region);
    }

    private static void say(RunListener listener, String what, RoleSetup.Result result) {
        say(listener, what, result.name().toLowerCase(Locale.ROOT));
    }

    private static void say(RunListener listener, String what, String result) {
        listener.line(ConsoleLine.info(what + ": " + result));
    }

    private static void say(RunListener listener, Finding finding) {
        listener.line(finding.weak() ? ConsoleLine.warn(finding.text()) : ConsoleLine.info(finding.text()));
    }
}
