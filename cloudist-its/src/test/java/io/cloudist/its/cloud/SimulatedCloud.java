package io.cloudist.its.cloud;

import io.cloudist.aws.client.AwsNames;
import io.cloudist.aws.client.MotoExtension;
import io.cloudist.aws.image.LocalRegistry;
import io.cloudist.aws.s3.S3ProxyExtension;
import io.cloudist.its.harness.Directories;
import io.cloudist.testing.FakeImds;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * A whole cloud on 127.0.0.1: moto for EC2/IAM/STS/SSM/ECR, an S3 server, a container registry, instance metadata,
 * and the booter that runs each instance's user data as local processes. {@link #mavenEnvironment()} points a real
 * {@code mvn} at it the way a user points the AWS SDK at other endpoints: the SDK's standard variables (and
 * cloudist's own for the registry).
 */
public final class SimulatedCloud implements AutoCloseable {
    private final MotoExtension.Server moto;
    private final FakeImds imds = new FakeImds();
    private final Ec2Client ec2;
    private final InstanceBooter booter;
    private final URI s3Endpoint;
    private final Path instances;
    private final LocalRegistry registry;

    public SimulatedCloud(Path work, URI s3Endpoint) throws Exception {
        Directories.deleteRecursively(work); // an earlier build's instances and logs are not this cloud's
        Files.createDirectories(work);
        this.s3Endpoint = s3Endpoint;
        this.instances = work.resolve("instances");
        this.moto = MotoExtension.Server.start(work.resolve("moto.log"));
        this.registry = LocalRegistry.start(Files.createDirectories(work.resolve("registry")));
        this.ec2 = Ec2Client.builder()
                .endpointOverride(moto.endpoint())
                .region(Region.of(S3ProxyExtension.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyExtension.ACCESS_KEY, S3ProxyExtension.SECRET_KEY)))
                .build();
        // What an instance profile gives a real instance: credentials. The region and the S3 endpoint come from
        // the user data, as on a real instance.
        this.booter = new InstanceBooter(
                ec2,
                imds,
                instances,
                Map.of(
                        "AWS_ACCESS_KEY_ID", S3ProxyExtension.ACCESS_KEY,
                        "AWS_SECRET_ACCESS_KEY", S3ProxyExtension.SECRET_KEY));
    }

    /** The environment of a developer's shell whose AWS SDK and CLI are pointed at this cloud. */
    public Map<String, String> mavenEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ACCESS_KEY_ID", S3ProxyExtension.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", S3ProxyExtension.SECRET_KEY);
        env.put("AWS_REGION", S3ProxyExtension.REGION);
        env.put("AWS_ENDPOINT_URL", moto.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_S3", s3Endpoint.toString());
        env.put("CLOUDIST_REGISTRY_ENDPOINT", "http://" + registry.host());
        return env;
    }

    /** The container registry that stands in for ECR's (moto serves ECR's API, not its registry). */
    public LocalRegistry registry() {
        return registry;
    }

    /** From now on the instance's metadata announces that EC2 is reclaiming it, as two minutes before a spot interruption. */
    public void announceSpotInterruption(String instanceId) {
        imds.interrupt(instanceId);
    }

    /** Terminates the instance at once, as EC2 does when it reclaims a spot instance: its processes die with it. */
    public void reclaim(String instanceId) {
        ec2.terminateInstances(r -> r.instanceIds(instanceId));
    }

    public int bootedInstances() {
        return booter.bootedCount();
    }

    public long liveProcesses() {
        return booter.liveProcesses();
    }

    /** What the worker agents of every instance have logged so far, one agent's log after another. */
    public String workerLogs() throws IOException {
        StringBuilder logs = new StringBuilder();
        if (Files.isDirectory(instances)) {
            try (Stream<Path> files = Files.walk(instances)) {
                for (Path log : files.filter(f -> f.getFileName().toString().matches("worker-\\d+\\.log"))
                        .sorted()
                        .toList()) {
                    logs.append(Files.readString(log));
                }
            }
        }
        return logs.toString();
    }

    /** Instances tagged {@code cloudist=true} that moto does not report as terminated. */
    public List<Instance> unterminatedInstances() {
        return cloudistReservations().stream()
                .flatMap(r -> r.instances().stream())
                .filter(i -> !i.state().nameAsString().equals("terminated"))
                .toList();
    }

    /**
     * Every RunInstances call that launched cloudist instances, in moto's order: a call is one reservation, with the
     * run that launched it (its instances' {@code cloudist:run} tag) and how many instances it started.
     */
    public List<Launch> launches() {
        return cloudistReservations().stream()
                .map(r -> new Launch(
                        r.reservationId(),
                        r.instances().stream()
                                .flatMap(i -> i.tags().stream())
                                .filter(t -> t.key().equals(AwsNames.TAG_RUN))
                                .map(Tag::value)
                                .findFirst()
                                .orElse(""),
                        r.instances().size()))
                .toList();
    }

    /**
     * One RunInstances call.
     *
     * @param reservationId the reservation EC2 made of it
     * @param runId the run that launched it
     * @param instances how many instances it started
     */
    public record Launch(String reservationId, String runId, int instances) {}

    private List<Reservation> cloudistReservations() {
        return ec2
                .describeInstancesPaginator(r -> r.filters(
                        Filter.builder().name("tag:cloudist").values("true").build()))
                .reservations()
                .stream()
                .toList();
    }

    @Override
    public void close() {
        booter.close();
        imds.close();
        ec2.close();
        moto.close();
        registry.close();
    }
}
