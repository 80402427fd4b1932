package io.cloudist.aws.ec2;

import io.cloudist.aws.client.AwsClients;
import io.cloudist.aws.client.AwsErrors;
import io.cloudist.aws.client.AwsNames;
import io.cloudist.aws.client.CloudSettingsCheck;
import io.cloudist.aws.client.EndpointOverrides;
import io.cloudist.aws.client.S3Location;
import io.cloudist.aws.client.WorkerNetwork;
import io.cloudist.aws.image.EcrRepository;
import io.cloudist.aws.image.ImageBuilder;
import io.cloudist.aws.image.WorkerImages;
import io.cloudist.core.CloudistException;
import io.cloudist.core.RunListener;
import io.cloudist.core.cloud.CloudSettings;
import io.cloudist.core.provision.Provisioner;
import io.cloudist.core.provision.ProvisionerProvider;
import io.cloudist.core.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Opens {@link Ec2Provisioner}s for backend {@code ec2}. Needs an S3 store and what {@code cloudist:setup} made (the
 * security group and instance profile); finds the caller's identity for the owner tag.
 */
public final class Ec2ProvisionerProvider implements ProvisionerProvider {
    /** The backend this provider serves. */
    public static final String BACKEND = "ec2";

    @Override
    public String backend() {
        return BACKEND;
    }

    /** The bucket {@code cloudist:setup} makes when no store is given: {@code s3://cloudist-<account>-<region>}. */
    @Override
    public String defaultStore(CloudSettings settings) {
        try (AwsClients clients = new AwsClients(CloudSettingsCheck.check(settings))) {
            String region = clients.region();
            return "s3://" + AwsNames.defaultStore(clients.account(), region).bucket();
        }
    }

    /**
     * Builds and pushes the worker image of these classpaths for the architectures of every instance type the
     * settings allow, as a run's launch would, unless the account's repository holds it.
     */
    @Override
    public void prepareImage(
            CloudSettings settings, List<Path> workerClasspath, List<Path> testClasspath, RunListener listener) {
        CloudSettingsCheck.check(settings);
        try (AwsClients clients = new AwsClients(settings)) {
            AmiResolver amis = new AmiResolver(clients.ec2(), clients.ssm());
            Set<String> architectures =
                    settings.ami().isEmpty() ? Set.of() : Set.of(amis.architectureOf(settings.ami()));
            WorkerNeeds needs = WorkerNeeds.of(settings, architectures);
            Set<String> covered =
                    Ec2Provisioner.imageArchitectures(new InstanceCatalog(clients.ec2()).types(needs), needs);
            if (covered.isEmpty()) {
                throw NoInstanceType.noFit(needs);
            }
            images(clients, settings, listener).ensure(workerClasspath, testClasspath, covered);
        }
    }

    private static WorkerImages images(AwsClients clients, CloudSettings settings, RunListener listener) {
        return new WorkerImages(
                new EcrRepository(clients.ecr(), EndpointOverrides.registry()),
                new ImageBuilder(imageCache(), listener, Clock.systemUTC()),
                settings.image().baseImage(),
                settings.javaFeatureVersion(),
                listener);
    }

    /**
     * Where Jib keeps pulled base layers and built layers between builds: {@code ~/.cache/cloudist/image}, or
     * {@code CLOUDIST_IMAGE_CACHE}.
     */
    static Path imageCache() {
        String configured = System.getenv("CLOUDIST_IMAGE_CACHE");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "cloudist", "image");
    }

    @Override
    public Provisioner open(CloudSettings settings, Store store, RunListener listener) {
        CloudSettingsCheck.check(settings);
        S3Location.parse(store.location());
        WorkerNeeds.of(settings, Set.of());
        AwsClients clients = new AwsClients(settings);
        try {
            String region = clients.region();
            GetCallerIdentityResponse caller = AwsErrors.call(
                    "sts:GetCallerIdentity",
                    clients.profile(),
                    () -> clients.sts().getCallerIdentity());
            String vpc = WorkerNetwork.defaultVpc(clients.ec2(), region);
            String group = WorkerNetwork.securityGroup(clients.ec2(), vpc)
                    .orElseThrow(() -> new CloudistException("No security group " + AwsNames.SECURITY_GROUP + " in "
                            + region + ": run `mvn cloudist:setup -Dcloudist.backend=ec2` once for this region"));
            LaunchContext context = new LaunchContext(
                    region, group, caller.arn(), caller.account(), EndpointOverrides.s3(), EndpointOverrides.ecr());
            WorkerImages images = settings.image().enabled() ? images(clients, settings, listener) : null;
            return new Ec2Provisioner(
                    store,
                    clients.ec2(),
                    new AmiResolver(clients.ec2(), clients.ssm()),
                    settings,
                    context,
                    listener,
                    Clock.systemUTC(),
                    clients,
                    images);
        } catch (RuntimeException e) {
            clients.close();
            throw e;
        }
    }
}
